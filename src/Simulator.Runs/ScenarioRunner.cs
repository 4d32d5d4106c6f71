using System.Diagnostics;
using Simulator.Reporting.Logging;
using Simulator.Reporting.Results;
using Simulator.Scenarios.Model;

namespace Simulator.Runs;

/// <summary>Runs a scenario's replications, one after another or side by side in lanes, and collects their results.</summary>
public static class ScenarioRunner
{
    /// <summary>
    /// Runs every replication. Cancellation stops at a tick boundary; the replications finished
    /// so far and the partial one are returned, with <see cref="RunResult.Complete"/> false.
    /// </summary>
    public static RunResult Run(Scenario scenario, RunOptions options, IRunProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Branch is not null && options.Fork is null)
        {
            options = options with { Fork = Branches.Plan(scenario, options, options.Build, progress, cancellationToken) };
        }

        scenario = Seeded(scenario, options);
        var planned = Planned(scenario, options);
        var lanes = Lanes(scenario, options, planned);
        if (lanes > 1)
        {
            var run = LanePool.Run([scenario], [planned], options, lanes, [progress], [options.Fork], null, cancellationToken)[0];
            return Result(scenario, options, planned, run.Replications, run.WallSeconds, lanes);
        }

        var clock = Stopwatch.StartNew();
        var results = new List<ReplicationResult>(planned);
        using var log = options.ImpressionLogPath is null ? null : new ImpressionLog(options.ImpressionLogPath);
        for (var r = 0; r < planned; r++)
        {
            var result = ReplicationRunner.Run(scenario, options, r, planned, progress, log, cancellationToken);
            results.Add(result);
            if (!result.Complete)
            {
                break;
            }
        }

        return Result(scenario, options, planned, results, clock.Elapsed.TotalSeconds, 1);
    }

    /// <summary>
    /// How many replications run side by side. Each replication is deterministic on any thread
    /// count, so running them in parallel changes wall time only: with T threads and R
    /// replications, min(T, R) lanes sharing the T threads. Whole-replication parallelism
    /// scales better than chunks within a tick for small and mid-size populations, but holds a
    /// world per lane in memory, so populations above <see cref="MaxUsersForLanes"/> and runs
    /// that log impressions (one ordered log) use one lane.
    /// </summary>
    public static int Lanes(Scenario scenario, RunOptions options, int planned)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        return MayRunInLanes(scenario, options) ? LanesFor(options, planned) : 1;
    }

    /// <summary>Largest population run with several replications in memory at once.</summary>
    public const int MaxUsersForLanes = 250_000;

    internal static bool MayRunInLanes(Scenario scenario, RunOptions options) =>
        options.ImpressionLogPath is null && options.OnWorldBuilt is null && options.OnWorldFinished is null && scenario.Population.Size * options.Scale <= MaxUsersForLanes && options.ReplicationLanes != 1;

    /// <summary>Lanes for <paramref name="items"/> replications in one queue: one per thread, at most one per item, at most the option's.</summary>
    internal static int LanesFor(RunOptions options, int items)
    {
        var lanes = Math.Min(options.Threads, items);
        return options.ReplicationLanes > 1 ? Math.Min(lanes, options.ReplicationLanes) : Math.Max(1, lanes);
    }

    internal static Scenario Seeded(Scenario scenario, RunOptions options) =>
        options.Seed is { } seed ? scenario with { Seed = seed } : scenario;

    /// <summary>Replications a run of <paramref name="scenario"/> plans: the option's override, else the scenario's.</summary>
    public static int Planned(Scenario scenario, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        return options.Replications ?? scenario.Replications;
    }

    internal static RunResult Result(Scenario scenario, RunOptions options, int planned, List<ReplicationResult> results, double wallSeconds, int lanes) => new()
    {
        Scenario = scenario,
        Threads = options.Threads,
        Scale = options.Scale,
        Replications = results,
        Complete = results.Count == planned && results.All(r => r.Complete),
        PlannedReplications = planned,
        ImpressionLogPath = options.ImpressionLogPath,
        WallSeconds = wallSeconds,
        Lanes = lanes,
    };
}
