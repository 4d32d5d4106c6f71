namespace Simulator.World.Population;

/// <summary>
/// Which days each user was active: MAU (last active day) and the install-cohort retention
/// bitmaps. Written only by the session-start system, when a user's first session of a day begins.
/// </summary>
public sealed class ActivityColumns : ColumnGroup
{
    public ActivityColumns(int count)
        : base(count)
    {
        FirstActiveDay = Column(count, -1);
        LastActiveDay = Column(count, int.MinValue);
        ActiveDays = Column<ulong>(count);
        ActiveDayCount = Column<short>(count);
    }

    /// <summary>First reported day the user was active; -1 before.</summary>
    public int[] FirstActiveDay { get; }

    /// <summary>Last day (warm-up days included, negative) the user was active.</summary>
    public int[] LastActiveDay { get; }

    /// <summary>Bit d set: active on day FirstActiveDay + d (d &lt; 64); for retention.</summary>
    public ulong[] ActiveDays { get; }

    /// <summary>Reported days the user was active.</summary>
    public short[] ActiveDayCount { get; }
}
