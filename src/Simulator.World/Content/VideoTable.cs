namespace Simulator.World.Content;

/// <summary>Videos the world knows, including hidden quality the platform never sees.</summary>
public sealed class VideoTable
{
    private int[] _topic;
    private float[] _length;
    private float[] _quality;
    private int[] _creator;

    public VideoTable(int capacity)
    {
        capacity = Math.Max(16, capacity);
        _topic = new int[capacity];
        _length = new float[capacity];
        _quality = new float[capacity];
        _creator = new int[capacity];
    }

    public int Count { get; private set; }

    public int Topic(int v) => _topic[v];

    public float Length(int v) => _length[v];

    public float Quality(int v) => _quality[v];

    public int Creator(int v) => _creator[v];

    public int Add(int topic, float length, float quality, int creator)
    {
        if (Count == _topic.Length)
        {
            var n = _topic.Length * 2;
            Array.Resize(ref _topic, n);
            Array.Resize(ref _length, n);
            Array.Resize(ref _quality, n);
            Array.Resize(ref _creator, n);
        }

        _topic[Count] = topic;
        _length[Count] = length;
        _quality[Count] = quality;
        _creator[Count] = creator;
        return Count++;
    }
}
