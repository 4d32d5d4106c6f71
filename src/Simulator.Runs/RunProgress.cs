using Simulator.World.Simulation;

namespace Simulator.Runs;

/// <summary>A progress snapshot, reported from the loop's observe phase.</summary>
public readonly record struct RunProgress(
    int Replication,
    int Replications,
    long Tick,
    long EndTick,
    int Day,
    int Days,
    long Impressions,
    int ActiveSessions,
    long Sleeping);

/// <summary>Receives progress snapshots (console display, logs, the live view).</summary>
public interface IRunProgress
{
    void Report(in RunProgress progress);

    /// <summary>
    /// A reported day of replication <paramref name="replication"/> has ended, with the totals the
    /// run keeps anyway (warm-up days are not reported). Called on the replication's loop thread in
    /// its observe phase, once a simulated day: an observer must copy what it needs and never write back.
    /// </summary>
    void DayEnded(int replication, in DailyTotals day)
    {
    }
}
