namespace Simulator.World.Population;

/// <summary>
/// Each user's totals over the reported days, aggregated into segments at the end of a run.
/// Written by the session systems (the start counts sessions, the sessions phase the rest);
/// cleared whole when the warm-up ends.
/// </summary>
public sealed class LifetimeTotals : ColumnGroup
{
    public LifetimeTotals(int count)
        : base(count)
    {
        WatchMs = Column<long>(count);
        Sessions = Column<int>(count);
        Impressions = Column<int>(count);
        Completions = Column<int>(count);
        FatigueExits = Column<int>(count);
        RepeatImpressions = Column<int>(count);
        EntropyMilli = Column<int>(count);
        EntropySessions = Column<int>(count);
    }

    public long[] WatchMs { get; }

    public int[] Sessions { get; }

    public int[] Impressions { get; }

    public int[] Completions { get; }

    public int[] FatigueExits { get; }

    /// <summary>Impressions whose topic was one of the previous two videos'.</summary>
    public int[] RepeatImpressions { get; }

    /// <summary>Sum of the user's session topic entropies, thousandths of a bit.</summary>
    public int[] EntropyMilli { get; }

    /// <summary>Ended sessions with at least one impression (denominator of <see cref="EntropyMilli"/>).</summary>
    public int[] EntropySessions { get; }
}
