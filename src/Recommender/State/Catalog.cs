using Recommender.Abstractions;

namespace Recommender.State;

/// <summary>Video metadata as struct-of-arrays, indexed by dense video id.</summary>
internal sealed class Catalog
{
    private int[] _creator;
    private int[] _topic;
    private int[] _sound;
    private float[] _length;
    private long[] _upload;
    private byte[] _region;
    private HashtagSet[] _tags;

    public Catalog(int capacity)
    {
        capacity = Math.Max(16, capacity);
        _creator = new int[capacity];
        _topic = new int[capacity];
        _sound = new int[capacity];
        _length = new float[capacity];
        _upload = new long[capacity];
        _region = new byte[capacity];
        _tags = new HashtagSet[capacity];
    }

    public int Count { get; private set; }

    public int Capacity => _creator.Length;

    public ReadOnlySpan<long> UploadSeconds => _upload.AsSpan(0, Count);

    public int Creator(int video) => _creator[video];

    public int Topic(int video) => _topic[video];

    public int Sound(int video) => _sound[video];

    public float Length(int video) => _length[video];

    public long UploadSecond(int video) => _upload[video];

    public int Region(int video) => _region[video];

    public ref readonly HashtagSet Hashtags(int video) => ref _tags[video];

    /// <summary>One more than the largest hashtag id seen.</summary>
    public int HashtagSpan { get; private set; }

    /// <summary>Adds a video; ids must arrive dense and in order. Returns true if arrays grew.</summary>
    public bool Add(in VideoMetadata v, int region)
    {
        if (v.VideoId != Count)
        {
            throw new ArgumentException($"Video ids must be dense and in upload order: expected {Count}, got {v.VideoId}.", nameof(v));
        }

        var grew = false;
        if (Count == _creator.Length)
        {
            var n = _creator.Length * 2;
            Array.Resize(ref _creator, n);
            Array.Resize(ref _topic, n);
            Array.Resize(ref _sound, n);
            Array.Resize(ref _length, n);
            Array.Resize(ref _upload, n);
            Array.Resize(ref _region, n);
            Array.Resize(ref _tags, n);
            grew = true;
        }

        _creator[Count] = v.CreatorId;
        _topic[Count] = v.Topic;
        _sound[Count] = v.SoundId;
        _length[Count] = v.LengthSeconds;
        _upload[Count] = v.UploadSecond;
        _region[Count] = (byte)region;
        _tags[Count] = v.Hashtags;
        HashtagSpan = Math.Max(HashtagSpan, v.Hashtags.Max() + 1);
        Count++;
        return grew;
    }
}
