using System.Globalization;

namespace Simulator.Runs;

/// <summary>
/// Where and how often a run keeps its replications' snapshots: the latest one per replication,
/// <c>rep-N.snapshot</c> in <see cref="Directory"/>, written every <see cref="EveryDays"/> simulated
/// days, when the run is stopped, and when a replication finishes (so a resumed run skips it).
/// A replication whose snapshot is there starts from it.
/// </summary>
public sealed record CheckpointPlan
{
    public required string Directory { get; init; }

    /// <summary>Simulated days between checkpoints; 0 writes them only on a stop and at the end.</summary>
    public int EveryDays { get; init; }

    /// <summary>The scenario's hash as the manifest records it: a snapshot of another scenario is refused.</summary>
    public required string ScenarioHash { get; init; }

    /// <summary>The build (version and commit): a snapshot from another build is refused.</summary>
    public required string Build { get; init; }

    /// <summary>The run's scenario and overrides, so that a branch can go on from a snapshot with them (<see cref="SnapshotSource"/>).</summary>
    public SnapshotSource? Source { get; init; }

    /// <summary>Also keep each day's checkpoint (<c>rep-N.day-D.snapshot</c>) and the working area when the run ends, for branches (<c>run --from DIR --at-day D</c>).</summary>
    public bool KeepDays { get; init; }

    public string PathFor(int replication) =>
        Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"rep-{replication}.snapshot"));

    /// <summary>The checkpoint kept from the start of day <paramref name="day"/> (negative: a warm-up day).</summary>
    public string PathFor(int replication, int day) =>
        Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"rep-{replication}.day-{day}.snapshot"));
}
