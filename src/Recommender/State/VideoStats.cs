namespace Recommender.State;

/// <summary>
/// Per-video outcome counters, time-decayed in bulk at each refresh, plus lifetime impressions
/// (for the traffic pool) and the last second each video was shown (for embedding expiry).
/// </summary>
internal sealed class VideoStats
{
    private float[] _impressions;
    private float[] _finishes;
    private float[] _likes;
    private float[] _shares;
    private float[] _notInterested;
    private int[] _lifetime;
    private long[] _lastShown;

    public VideoStats(int capacity)
    {
        _impressions = new float[capacity];
        _finishes = new float[capacity];
        _likes = new float[capacity];
        _shares = new float[capacity];
        _notInterested = new float[capacity];
        _lifetime = new int[capacity];
        _lastShown = new long[capacity];
    }

    public void EnsureCapacity(int videos)
    {
        if (videos <= _impressions.Length)
        {
            return;
        }

        var n = Math.Max(videos, _impressions.Length * 2);
        Array.Resize(ref _impressions, n);
        Array.Resize(ref _finishes, n);
        Array.Resize(ref _likes, n);
        Array.Resize(ref _shares, n);
        Array.Resize(ref _notInterested, n);
        Array.Resize(ref _lifetime, n);
        Array.Resize(ref _lastShown, n);
    }

    public float Impressions(int v) => _impressions[v];

    public int Lifetime(int v) => _lifetime[v];

    public long LastShown(int v) => _lastShown[v];

    // Rates are smoothed towards platform-typical priors so that a video with few views is not extreme.
    public float FinishRate(int v) => (_finishes[v] + 2f) / (_impressions[v] + 5f);

    public float LikeRate(int v) => (_likes[v] + 0.2f) / (_impressions[v] + 5f);

    public float ShareRate(int v) => (_shares[v] + 0.03f) / (_impressions[v] + 5f);

    public float NotInterestedRate(int v) => (_notInterested[v] + 0.02f) / (_impressions[v] + 5f);

    public void Record(int v, long second, bool finished, bool liked, bool shared, bool notInterested)
    {
        _impressions[v] += 1f;
        _lifetime[v]++;
        _lastShown[v] = Math.Max(_lastShown[v], second);
        if (finished) _finishes[v] += 1f;
        if (liked) _likes[v] += 1f;
        if (shared) _shares[v] += 1f;
        if (notInterested) _notInterested[v] += 1f;
    }

    public void Decay(float factor, int count)
    {
        Scale(_impressions.AsSpan(0, count), factor);
        Scale(_finishes.AsSpan(0, count), factor);
        Scale(_likes.AsSpan(0, count), factor);
        Scale(_shares.AsSpan(0, count), factor);
        Scale(_notInterested.AsSpan(0, count), factor);
    }

    private static void Scale(Span<float> xs, float factor) =>
        System.Numerics.Tensors.TensorPrimitives.Multiply(xs, factor, xs);

    public void Clear()
    {
        Array.Clear(_impressions);
        Array.Clear(_finishes);
        Array.Clear(_likes);
        Array.Clear(_shares);
        Array.Clear(_notInterested);
        Array.Clear(_lifetime);
        Array.Clear(_lastShown);
    }
}
