using Simulator.World.Population;

namespace Simulator.World.Policies;

/// <summary>
/// The platform policies that apply to each user and their state: assigned once at build by
/// <see cref="UserPolicies.Assign"/> from age and the scenario (not snapshot state: a fork's variant
/// brings its own), then the daily-limit and curfew state of the user's current local day, written
/// only by <see cref="PolicyGate"/>.
/// </summary>
public sealed class PolicyColumns : ColumnGroup
{
    public PolicyColumns(int count)
        : base(count)
    {
        DailyLimitSeconds = Assigned(count, 0);
        LimitOverrideRate = Assigned(count, 0f);
        CurfewStartHour = Assigned(count, (sbyte)-1);
        CurfewEndHour = Assigned(count, (sbyte)0);
        CurfewOverrideRate = Assigned(count, 0f);
        NonPersonalizedFeed = Assigned(count, false);
        LocalDay = Column(count, int.MinValue);
        WatchSecondsToday = Column<float>(count);
        LimitOverriddenDay = Column(count, int.MinValue);
        CurfewOverriddenDay = Column(count, int.MinValue);
    }

    /// <summary>Daily watch limit in seconds; 0 when none applies.</summary>
    [field: NonSerialized]
    public int[] DailyLimitSeconds { get; }

    [field: NonSerialized]
    public float[] LimitOverrideRate { get; }

    /// <summary>Local curfew start hour; -1 when none applies.</summary>
    [field: NonSerialized]
    public sbyte[] CurfewStartHour { get; }

    [field: NonSerialized]
    public sbyte[] CurfewEndHour { get; }

    [field: NonSerialized]
    public float[] CurfewOverrideRate { get; }

    /// <summary>The user switched personalisation off (a platform-visible account setting).</summary>
    [field: NonSerialized]
    public bool[] NonPersonalizedFeed { get; }

    /// <summary>The local day the day's counters below belong to.</summary>
    public int[] LocalDay { get; }

    public float[] WatchSecondsToday { get; }

    public int[] LimitOverriddenDay { get; }

    /// <summary>The night (keyed by the local day it starts) whose curfew the user got past.</summary>
    public int[] CurfewOverriddenDay { get; }
}
