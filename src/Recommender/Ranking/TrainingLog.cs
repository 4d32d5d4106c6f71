using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Ranking;

/// <summary>
/// The rolling impression log the ranking heads train on: features as they were at serving time
/// and the outcome. A ring buffer: the oldest rows fall out as new ones arrive. It keeps a uniform
/// sample of the impressions offered to it, at a rate the host sets so that the training window
/// fits (<see cref="Resample"/>): a big world's log then spans the same hours as a small one's, not
/// the last few hours of traffic (at 100,000 users every impression kept would fill the
/// 300,000 rows in about 3.5 hours, so a fit at midnight saw only the evening).
/// </summary>
internal sealed class TrainingLog
{
    private readonly float[] _features;
    private readonly float[] _watch;
    private readonly float[] _length;
    private readonly byte[] _reactions;
    private readonly int[] _user;
    private readonly int[] _video;
    private readonly long[] _second;
    private readonly float[] _propensity;
    private readonly ulong _seed;
    private long _written;
    private long _offered;
    private long _offeredAtResample;
    private long _resampleSecond = long.MinValue;
    private double _rate = 1;

    public TrainingLog(int capacity, ulong seed = 0)
    {
        _seed = seed;
        Capacity = Math.Max(16, capacity);
        _features = new float[Capacity * Features.Count];
        _watch = new float[Capacity];
        _length = new float[Capacity];
        _reactions = new byte[Capacity];
        _user = new int[Capacity];
        _video = new int[Capacity];
        _second = new long[Capacity];
        _propensity = new float[Capacity];
    }

    public int Capacity { get; }

    /// <summary>Bytes held by the rolling log (fixed at construction).</summary>
    public long Bytes => (Capacity * (long)Features.Count * sizeof(float)) + (Capacity * ((3L * sizeof(float)) + sizeof(byte) + (2L * sizeof(int)) + sizeof(long)));

    /// <summary>Rows ever written; row r lives in slot r mod capacity while r ≥ written − capacity.</summary>
    public long Written => _written;

    public long Oldest => Math.Max(0, _written - Capacity);

    /// <summary>Impressions offered to the log, kept or not.</summary>
    public long Offered => _offered;

    /// <summary>Share of offered impressions kept (1 until the first <see cref="Resample"/> that needs less).</summary>
    public double Rate => _rate;

    /// <summary>
    /// Counts one offered impression and says whether to keep it: a hash of the seed and the
    /// offer's position, so the sample depends only on the order impressions arrive in.
    /// </summary>
    public bool Admit()
    {
        var offer = _offered++;
        return _rate >= 1 || StableHash.Unit(StableHash.Hash(_seed, (ulong)offer, 0x10C, 0)) < _rate;
    }

    /// <summary>
    /// Sets the keep rate from the traffic since the last call, so that a window of
    /// <paramref name="windowSeconds"/> at that traffic fills nine tenths of the log (headroom
    /// for a busier day); the first call only starts the count.
    /// </summary>
    public void Resample(long now, long windowSeconds)
    {
        if (_resampleSecond != long.MinValue && now > _resampleSecond)
        {
            var perSecond = (_offered - _offeredAtResample) / (double)(now - _resampleSecond);
            var inWindow = perSecond * windowSeconds;
            _rate = inWindow <= 0.9 * Capacity ? 1 : 0.9 * Capacity / inWindow;
        }

        _offeredAtResample = _offered;
        _resampleSecond = now;
    }

    /// <summary>The oldest row still held that was logged at or after <paramref name="second"/> (rows are in time order).</summary>
    public long FirstAtOrAfter(long second)
    {
        long lo = Oldest, hi = _written;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Second(mid) < second) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    public Span<float> NextFeatures() => _features.AsSpan((int)(_written % Capacity) * Features.Count, Features.Count);

    public void Commit(int user, long second, float watch, float length, Reactions reactions, float propensity, int video)
    {
        var i = (int)(_written % Capacity);
        _video[i] = video;
        _watch[i] = watch;
        _length[i] = length;
        _reactions[i] = (byte)reactions;
        _user[i] = user;
        _second[i] = second;
        _propensity[i] = propensity;
        _written++;
    }

    public ReadOnlySpan<float> FeaturesOf(long row) => _features.AsSpan((int)(row % Capacity) * Features.Count, Features.Count);

    public float Watch(long row) => _watch[row % Capacity];

    public float Length(long row) => _length[row % Capacity];

    public Reactions ReactionsOf(long row) => (Reactions)_reactions[row % Capacity];

    public int User(long row) => _user[row % Capacity];

    public int Video(long row) => _video[row % Capacity];

    public long Second(long row) => _second[row % Capacity];

    /// <summary>Probability with which the row's video was chosen when it was served (1 when unknown).</summary>
    public float Propensity(long row) => _propensity[row % Capacity];

    public void Clear()
    {
        _written = 0;
        _offered = 0;
        _offeredAtResample = 0;
        _resampleSecond = long.MinValue;
        _rate = 1;
    }
}
