namespace Recommender.Policies;

/// <summary>
/// Per-thread working memory for one ranking request, reused request after request so serving
/// allocates nothing in steady state. Worker threads are long-lived, so each allocates it once.
/// </summary>
internal sealed class RankScratch
{
    public const int MaxCandidates = 512;

    [ThreadStatic]
    private static RankScratch? _current;

    public int[] Mark { get; private set; } = new int[1024];

    public int Stamp { get; set; }

    public int[] Candidates { get; } = new int[MaxCandidates];

    public bool[] Explore { get; } = new bool[MaxCandidates];

    public float[] PreScore { get; } = new float[MaxCandidates];

    public int[] Ranked { get; } = new int[MaxCandidates];

    /// <summary>The fully ranked candidates' video ids, in <see cref="Ranked"/>'s order.</summary>
    public int[] RankedVideos { get; } = new int[MaxCandidates];

    public double[] Value { get; } = new double[MaxCandidates];

    public bool[] Used { get; } = new bool[MaxCandidates];

    /// <summary>Creator of each fully ranked candidate, and how many of the slate's videos so far are that creator's (re-ranking).</summary>
    public int[] RankedCreator { get; } = new int[MaxCandidates];

    /// <inheritdoc cref="RankedCreator"/>
    public int[] SlateCreatorCount { get; } = new int[MaxCandidates];

    public float[] Features { get; } = new float[Ranking.Features.Count];

    /// <summary>Features of the candidates being fully ranked, row-major, one row per candidate.</summary>
    public float[] FeatureRows { get; } = new float[MaxCandidates * Ranking.Features.Count];

    /// <summary>The same features column-major (feature f of candidate r at f × stride + r, the stride a multiple of 8), for the heads' column layout.</summary>
    public float[] FeatureColumns { get; } = new float[MaxCandidates * Ranking.Features.Count];

    /// <summary>Each head's output for every fully ranked candidate, indexed by <see cref="Ranking.Head"/> (the valid-view row unused in serving).</summary>
    public double[][] HeadOutputs { get; } = [.. Enumerable.Range(0, Ranking.RankingModel.Heads).Select(_ => new double[MaxCandidates])];

    /// <summary>The watch head's raw output for every fully ranked candidate.</summary>
    public double[] WatchOutputs { get; } = new double[MaxCandidates];

    public static RankScratch For(int catalogCapacity)
    {
        var s = _current ??= new RankScratch();
        if (s.Mark.Length < catalogCapacity)
        {
            s.Mark = new int[Math.Max(catalogCapacity, s.Mark.Length * 2)];
            s.Stamp = 0;
        }

        if (++s.Stamp == int.MaxValue)
        {
            Array.Clear(s.Mark);
            s.Stamp = 1;
        }

        return s;
    }
}
