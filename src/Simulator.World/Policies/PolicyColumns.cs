using Simulator.World.Population;

namespace Simulator.World.Policies;

/// <summary>
/// The platform policies that apply to each user and their state: assigned once at build by
/// <see cref="UserPolicies.Assign"/> from age and the scenario, then the daily-limit and curfew
/// state of the user's current local day, written only by <see cref="PolicyGate"/>.
/// </summary>
public sealed class PolicyColumns : ColumnGroup
{
    public PolicyColumns(int count)
        : base(count)
    {
        DailyLimitSeconds = Column<int>(count);
        LimitOverrideRate = Column<float>(count);
        CurfewStartHour = Column(count, (sbyte)-1);
        CurfewEndHour = Column<sbyte>(count);
        CurfewOverrideRate = Column<float>(count);
        NonPersonalizedFeed = Column<bool>(count);
        LocalDay = Column(count, int.MinValue);
        WatchSecondsToday = Column<float>(count);
        LimitOverriddenDay = Column(count, int.MinValue);
        CurfewOverriddenDay = Column(count, int.MinValue);
    }

    /// <summary>Daily watch limit in seconds; 0 when none applies.</summary>
    public int[] DailyLimitSeconds { get; }

    public float[] LimitOverrideRate { get; }

    /// <summary>Local curfew start hour; -1 when none applies.</summary>
    public sbyte[] CurfewStartHour { get; }

    public sbyte[] CurfewEndHour { get; }

    public float[] CurfewOverrideRate { get; }

    /// <summary>The user switched personalisation off (a platform-visible account setting).</summary>
    public bool[] NonPersonalizedFeed { get; }

    /// <summary>The local day the day's counters below belong to.</summary>
    public int[] LocalDay { get; }

    public float[] WatchSecondsToday { get; }

    public int[] LimitOverriddenDay { get; }

    /// <summary>The night (keyed by the local day it starts) whose curfew the user got past.</summary>
    public int[] CurfewOverriddenDay { get; }
}
