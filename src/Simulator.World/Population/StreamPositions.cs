namespace Simulator.World.Population;

/// <summary>
/// How far each user's own random streams have been drawn (the counter of the engine's
/// counter-based streams), so the next draw continues where the last one stopped.
/// </summary>
public sealed class StreamPositions : ColumnGroup
{
    public StreamPositions(int count)
        : base(count)
    {
        Behaviour = Column<ulong>(count);
        Return = Column<ulong>(count);
    }

    /// <summary>The behaviour stream (watch, reactions, quit, policy prompts): drawn in the sessions phase.</summary>
    public ulong[] Behaviour { get; }

    /// <summary>The return stream (next session start): drawn at build and at session end.</summary>
    public ulong[] Return { get; }
}
