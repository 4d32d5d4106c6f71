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
        if (options.Seed is { } seed)
        {
            scenario = scenario with { Seed = seed };
        }

        var planned = options.Replications ?? scenario.Replications;
        var lanes = Lanes(scenario, options, planned);
        var clock = Stopwatch.StartNew();
        List<ReplicationResult> results;
        if (lanes > 1)
        {
            results = RunInLanes(scenario, options, planned, lanes, progress, cancellationToken);
        }
        else
        {
            results = new List<ReplicationResult>(planned);
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
        }

        return new RunResult
        {
            Scenario = scenario,
            Threads = options.Threads,
            Scale = options.Scale,
            Replications = results,
            Complete = results.Count == planned && results.All(r => r.Complete),
            PlannedReplications = planned,
            ImpressionLogPath = options.ImpressionLogPath,
            WallSeconds = clock.Elapsed.TotalSeconds,
            Lanes = lanes,
        };
    }

    /// <summary>
    /// How many replications run side by side. Each replication is deterministic on any thread
    /// count, so running them in parallel changes wall time only: with T threads and R
    /// replications, min(T, R) lanes of T / lanes threads each. Whole-replication parallelism
    /// scales better than chunks within a tick for small and mid-size populations, but holds a
    /// world per lane in memory, so populations above <see cref="MaxUsersForLanes"/> and runs
    /// that log impressions (one ordered log) use one lane.
    /// </summary>
    public static int Lanes(Scenario scenario, RunOptions options, int planned)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var users = scenario.Population.Size * options.Scale;
        if (options.ImpressionLogPath is not null || users > MaxUsersForLanes || options.ReplicationLanes == 1)
        {
            return 1;
        }

        var lanes = Math.Min(options.Threads, planned);
        return options.ReplicationLanes > 1 ? Math.Min(lanes, options.ReplicationLanes) : Math.Max(1, lanes);
    }

    /// <summary>Largest population run with several replications in memory at once.</summary>
    public const int MaxUsersForLanes = 250_000;

    private static List<ReplicationResult> RunInLanes(Scenario scenario, RunOptions options, int planned, int lanes, IRunProgress? progress, CancellationToken token)
    {
        var inner = options with { Threads = Math.Max(1, options.Threads / lanes) };
        var slots = new ReplicationResult?[planned];
        var shared = progress is null ? null : new LaneProgress(progress, planned);
        var next = -1;
        var threads = new Thread[lanes];
        Exception? failure = null;
        for (var l = 0; l < lanes; l++)
        {
            threads[l] = new Thread(() =>
            {
                try
                {
                    int r;
                    while ((r = Interlocked.Increment(ref next)) < planned && !token.IsCancellationRequested)
                    {
                        slots[r] = ReplicationRunner.Run(scenario, inner, r, planned, shared, null, token);
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                }
            })
            { IsBackground = true, Name = $"replication-lane-{l}" };
            threads[l].Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("A replication failed.", failure);
        }

        // Index order, as far as replications got: an interrupted run keeps what it has.
        return [.. slots.Where(s => s is not null).Select(s => s!)];
    }
}
