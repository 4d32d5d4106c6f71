using Simulator.World.Population;

namespace Simulator.World.Behaviour;

/// <summary>
/// What brings each user back: habit strength. Drawn at build from the persona, then written
/// only by <see cref="ReturnModel"/> at session end.
/// </summary>
public sealed class ReturnColumns : ColumnGroup
{
    public ReturnColumns(int count)
        : base(count) => Habit = Column<float>(count);

    /// <summary>Habit strength in [0.02, 1]: grows after satisfying sessions, shrinks after bad ones.</summary>
    public float[] Habit { get; }
}
