namespace Recommender.State;

/// <summary>
/// The staged exposure of new videos (Douyin's "traffic pool", CALIBRATION.md §4, grade C folklore:
/// 200–500 → 3–5k → 10–20k → 100–150k … views, promoted at ≈ 60 % completion or ≈ 10 % likes).
/// Every upload enters tier 0 with a small guaranteed audience; when it has used its tier's
/// impressions it is promoted if its completion or like rate beats the median of its tier's
/// cohort, and otherwise leaves the pool to live on organic ranking alone. Tier sizes are shares
/// of the user base, so the pool scales with the simulated population.
/// </summary>
internal sealed class TrafficPool
{
    // Tier caps as shares of registered users (≈ the folklore ladder divided by a 1 B audience,
    // raised at the bottom so that small simulated worlds still give a new video a fair sample).
    private static readonly double[] TierShares = [0.0005, 0.004, 0.02, 0.08, 0.25];
    private const int MinCap = 12;
    private const byte Out = 255;

    private byte[] _tier;
    private int[] _pool = new int[1024];
    private float[] _scratch = new float[1024];
    private int _count;
    private readonly int[] _caps = new int[TierShares.Length];

    public TrafficPool(int capacity)
    {
        _tier = new byte[Math.Max(16, capacity)];
        _tier.AsSpan().Fill(Out);
    }

    public int Count => _count;

    public int Promotions { get; private set; }

    public int Exits { get; private set; }

    public void Resize(int users)
    {
        for (var i = 0; i < TierShares.Length; i++)
        {
            _caps[i] = Math.Max(MinCap * (i + 1), (int)(TierShares[i] * users));
        }
    }

    public int Cap(int tier) => _caps[tier];

    public int TierOf(int video) => video < _tier.Length ? _tier[video] : Out;

    public void Enter(int video)
    {
        if (video >= _tier.Length)
        {
            var old = _tier.Length;
            Array.Resize(ref _tier, Math.Max(video + 1, _tier.Length * 2));
            _tier.AsSpan(old).Fill(Out);
        }

        _tier[video] = 0;
        if (_count == _pool.Length)
        {
            Array.Resize(ref _pool, _count * 2);
            Array.Resize(ref _scratch, _count * 2);
        }

        _pool[_count++] = video;
    }

    /// <summary>A pool video that still has impressions left in its tier, or -1.</summary>
    public int Pick(ulong bits, VideoStats stats)
    {
        if (_count == 0)
        {
            return -1;
        }

        for (var t = 0; t < 4; t++)
        {
            var v = _pool[StableHash.Below(bits, _count)];
            if (stats.Lifetime(v) < _caps[_tier[v]])
            {
                return v;
            }

            bits = StableHash.Hash(bits, (ulong)t, 17, 29);
        }

        return -1;
    }

    /// <summary>Promotes or releases videos that have used their tier's impressions.</summary>
    public void Refresh(VideoStats stats)
    {
        for (var tier = 0; tier < TierShares.Length; tier++)
        {
            var finishMedian = CohortMedian(stats, tier, finish: true);
            var likeMedian = CohortMedian(stats, tier, finish: false);
            var kept = 0;
            for (var i = 0; i < _count; i++)
            {
                var v = _pool[i];
                if (_tier[v] != tier || stats.Lifetime(v) < _caps[tier])
                {
                    _pool[kept++] = v;
                    continue;
                }

                var promote = stats.FinishRate(v) >= finishMedian || stats.LikeRate(v) >= likeMedian;
                if (promote && tier + 1 < TierShares.Length)
                {
                    _tier[v] = (byte)(tier + 1);
                    Promotions++;
                    _pool[kept++] = v;
                }
                else
                {
                    _tier[v] = Out;
                    Exits++;
                }
            }

            _count = kept;
        }
    }

    public void Clear()
    {
        _tier.AsSpan().Fill(Out);
        _count = 0;
    }

    // Median rate among the tier's videos that have at least half their tier's impressions.
    private float CohortMedian(VideoStats stats, int tier, bool finish)
    {
        var n = 0;
        for (var i = 0; i < _count; i++)
        {
            var v = _pool[i];
            if (_tier[v] == tier && stats.Lifetime(v) * 2 >= _caps[tier])
            {
                _scratch[n++] = finish ? stats.FinishRate(v) : stats.LikeRate(v);
            }
        }

        if (n == 0)
        {
            return 0f;
        }

        var s = _scratch.AsSpan(0, n);
        s.Sort();
        return s[n / 2];
    }
}
