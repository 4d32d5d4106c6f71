using System.Diagnostics;
using Simulator.Reporting.Collection;
using Simulator.Scenarios;
using Simulator.Scenarios.Model;
using Simulator.World.Simulation;

namespace Simulator.Reporting.Running;

/// <summary>Runs a scenario's replications one after another and collects their results.</summary>
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
        var results = new List<ReplicationResult>(planned);
        var complete = true;
        using var log = options.ImpressionLogPath is null ? null : new Logging.ImpressionLog(options.ImpressionLogPath);
        for (var r = 0; r < planned; r++)
        {
            var result = RunReplication(scenario, options, r, planned, progress, log, cancellationToken);
            results.Add(result);
            if (!result.Complete)
            {
                complete = false;
                break;
            }
        }

        return new RunResult
        {
            Scenario = scenario,
            Options = options,
            Replications = results,
            Complete = complete && results.Count == planned,
            PlannedReplications = planned,
            ImpressionLogPath = options.ImpressionLogPath,
        };
    }

    /// <summary>Runs replication <paramref name="index"/> of <paramref name="scenario"/>.</summary>
    public static ReplicationResult RunReplication(Scenario scenario, RunOptions options, int index, int planned = 1, IRunProgress? progress = null, Logging.ImpressionLog? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var settings = ScenarioResolver.ToWorldSettings(scenario, index, options.Threads, options.Scale);
        using var world = new SimulationWorld(settings);
        var collector = new DailyCollector();
        world.AddObserver(collector);
        if (log is not null)
        {
            world.AddImpressionSink(log.For(world, index));
        }
        if (progress is not null)
        {
            var every = Math.Max(1, options.ProgressEveryMinutes * 60 / settings.TickSeconds);
            world.Loop.Add(new ProgressSystem(world, progress, index, planned, every));
        }

        var complete = world.Loop.RunUntil(world.EndTick, cancellationToken);
        var lastCompleteDay = collector.Days.Count - 1;
        var metrics = HeadlineMetrics.Compute(collector.Days, n => world.Retention(n, lastCompleteDay), world.Churned, world.EverActive());
        var evaluations = world.Recommender.Evaluations.Where(e => e.AtSecond > 0).ToList();
        HeadlineMetrics.AddRecommender(metrics, evaluations);
        HeadlineMetrics.AddCreators(metrics, world.Content.Creators.MeasuredImpressions);
        return new ReplicationResult
        {
            Index = index,
            Seed = settings.Seed,
            Users = settings.Population.Size,
            Days = collector.Days.ToList(),
            Metrics = metrics,
            Evaluations = evaluations,
            RecommendSeconds = world.RecommendSeconds,
            RecommenderBatchSeconds = world.RecommenderBatchSeconds,
            Segments = SegmentMetrics.Compute(world.Users, collector.Days.Count),
            RetentionCurve = [.. Enumerable.Range(1, Math.Clamp(lastCompleteDay, 0, 30)).Select(n => world.Retention(n, lastCompleteDay))],
            Impressions = world.TotalImpressions,
            Complete = complete,
            WallSeconds = clock.Elapsed.TotalSeconds,
        };
    }
}
