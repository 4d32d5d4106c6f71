using Recommender.Abstractions;
using Simulator.World.Behaviour;

namespace Simulator.World.Content;

/// <summary>Videos the world knows, including hidden quality the platform never sees.</summary>
public sealed class VideoTable
{
    private int[] _topic;
    private float[] _length;
    private float[] _quality;
    private int[] _creator;
    private float[] _authenticity;
    private int[] _likes;
    private short[] _campaign;
    private VideoMarks[] _flags;
    private TasteVector[] _taste;
    private HashtagSet[] _tags;
    private long[] _upload;

    public VideoTable(int capacity)
    {
        capacity = Math.Max(16, capacity);
        _topic = new int[capacity];
        _length = new float[capacity];
        _quality = new float[capacity];
        _creator = new int[capacity];
        _authenticity = new float[capacity];
        _likes = new int[capacity];
        _campaign = new short[capacity];
        _flags = new VideoMarks[capacity];
        _taste = new TasteVector[capacity];
        _tags = new HashtagSet[capacity];
        _upload = new long[capacity];
    }

    public int Count { get; private set; }

    public int Topic(int v) => _topic[v];

    public float Length(int v) => _length[v];

    public float Quality(int v) => _quality[v];

    public int Creator(int v) => _creator[v];

    /// <summary>How authentic (amateur, unpolished) the video feels, 0–1 (hidden).</summary>
    public float Authenticity(int v) => _authenticity[v];

    /// <summary>Likes shown on the video: what users see as social proof.</summary>
    public int Likes(int v) => _likes[v];

    /// <summary>Counts a like (sequential feedback phase only).</summary>
    public void AddLike(int v) => _likes[v]++;

    /// <summary>What a viewer perceives of video <paramref name="v"/>.</summary>
    public VideoView View(int v) => new(_topic[v], _length[v], _quality[v], _authenticity[v], _likes[v], _creator[v], _campaign[v], _flags[v], _taste[v], _upload[v]);

    /// <summary>Campaign index of the video, −1 for organic content.</summary>
    public short Campaign(int v) => _campaign[v];

    public VideoMarks Marks(int v) => _flags[v];

    /// <summary>Hidden taste vector of the video.</summary>
    public ref readonly TasteVector Taste(int v) => ref _taste[v];

    /// <summary>Hashtags the uploader put on the video (platform-visible).</summary>
    public HashtagSet Hashtags(int v) => _tags[v];

    public int Add(int topic, float length, float quality, float authenticity, int creator, long uploadSecond, short campaign = -1, VideoMarks flags = VideoMarks.None, in TasteVector taste = default, HashtagSet tags = default)
    {
        if (Count == _topic.Length)
        {
            var n = _topic.Length * 2;
            Array.Resize(ref _topic, n);
            Array.Resize(ref _length, n);
            Array.Resize(ref _quality, n);
            Array.Resize(ref _creator, n);
            Array.Resize(ref _authenticity, n);
            Array.Resize(ref _likes, n);
            Array.Resize(ref _campaign, n);
            Array.Resize(ref _flags, n);
            Array.Resize(ref _taste, n);
            Array.Resize(ref _tags, n);
            Array.Resize(ref _upload, n);
        }

        _topic[Count] = topic;
        _length[Count] = length;
        _quality[Count] = quality;
        _creator[Count] = creator;
        _authenticity[Count] = authenticity;
        _campaign[Count] = campaign;
        _flags[Count] = flags;
        _taste[Count] = taste;
        _tags[Count] = tags;
        _upload[Count] = uploadSecond;
        return Count++;
    }
}
