using Simulator.World.Population;

namespace Simulator.World.Behaviour;

/// <summary>
/// What brings each user back: habit, when they last visited and the self-exciting pull of their
/// recent sessions. Drawn at build (with the stationary pre-history of existing users), then
/// written only by <see cref="ReturnModel"/> at session end.
/// </summary>
public sealed class ReturnColumns : ColumnGroup
{
    /// <summary>The value of <see cref="LastVisitSecond"/> before a user's first visit.</summary>
    public const long NoVisit = long.MinValue;

    public ReturnColumns(int count)
        : base(count)
    {
        Habit = Column<float>(count);
        LastVisitSecond = Column(count, NoVisit);
        Excitation = Column<float>(count);
    }

    /// <summary>Habit strength in [floor, 1] at <see cref="LastVisitSecond"/>; it decays towards the floor while the user is away.</summary>
    public float[] Habit { get; }

    /// <summary>End of the user's last session (or visit of the pre-history), simulated seconds.</summary>
    public long[] LastVisitSecond { get; }

    /// <summary>Self-exciting intensity, sessions per day, at <see cref="LastVisitSecond"/>; decays with behaviour.return.clustering_hours.</summary>
    public float[] Excitation { get; }
}
