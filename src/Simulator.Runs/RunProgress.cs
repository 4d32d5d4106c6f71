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

/// <summary>Receives progress snapshots (console display, logs).</summary>
public interface IRunProgress
{
    void Report(in RunProgress progress);
}
