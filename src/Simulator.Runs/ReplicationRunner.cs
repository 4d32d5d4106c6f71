using System.Diagnostics;
using Simulator.Reporting.Collection;
using Simulator.Reporting.Logging;
using Simulator.Reporting.Marketing;
using Simulator.Reporting.Results;
using Simulator.Scenarios.Model;
using Simulator.World.Simulation;

namespace Simulator.Runs;

/// <summary>Builds one replication's world, runs it to its end and measures it.</summary>
public static class ReplicationRunner
{
    /// <summary>Runs replication <paramref name="index"/> of <paramref name="scenario"/>.</summary>
    public static ReplicationResult Run(Scenario scenario, RunOptions options, int index, int planned = 1, IRunProgress? progress = null, ImpressionLog? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var settings = ReplicationSettings.For(scenario, index, options.Threads, options.Scale) with { Share = options.Share };
        using var world = new SimulationWorld(settings);
        var collector = new DailyCollector();
        world.AddObserver(collector);
        if (log is not null)
        {
            world.AddImpressionSink(log.For(world.Users, world.Content, index));
        }

        var state = new ReplicationState(world, collector);
        var plan = options.Checkpoints;
        if (plan is not null && File.Exists(plan.PathFor(index)))
        {
            Checkpoints.Restore(plan, state, index, settings.Seed);
        }
        else if (options.Fork is { } fork && !fork.RestoreInto(state, index, options))
        {
            return Measure(world, collector, index, complete: false, clock.Elapsed.TotalSeconds);
        }

        options.OnWorldBuilt?.Invoke(index, world.Recommender);
        ProgressSystem? shown = null;
        if (progress is not null)
        {
            shown = ProgressSystem.For(world, collector, progress, index, planned, options);
            world.Loop.Add(shown);
        }

        var complete = plan is null
            ? world.Loop.RunUntil(world.EndTick, cancellationToken)
            : Checkpoints.RunWith(plan, state, index, shown, cancellationToken);
        if (complete)
        {
            options.OnWorldFinished?.Invoke(index, world.Recommender);
        }

        return Measure(world, collector, index, complete, clock.Elapsed.TotalSeconds);
    }

    // The replication's results, read from the world once its loop has stopped.
    private static ReplicationResult Measure(SimulationWorld world, DailyCollector collector, int index, bool complete, double wallSeconds)
    {
        var settings = world.Settings;
        var lastCompleteDay = collector.Days.Count - 1;
        var metrics = HeadlineMetrics.Compute(collector.Days, n => world.Retention(n, lastCompleteDay), world.ChurnRate(lastCompleteDay));
        var evaluations = world.Recommender.Evaluations.Where(e => e.AtSecond > 0).ToList();
        HeadlineMetrics.AddRecommender(metrics, evaluations);
        var creators = world.Content.Creators;
        HeadlineMetrics.AddCreators(metrics, creators.MeasuredImpressionsWithoutPersonal());
        HeadlineMetrics.AddNewcomers(metrics, creators.MeasuredImpressions, creators.DebutDay, creators.CreatorCount);
        HeadlineMetrics.Put(metrics, MetricKeys.Homogenization, world.HomogenizationIndex());
        var creatorRows = MarketingMetrics.Creators(world.Content.Creators, world.Recommender.Followers, world.Content.TierScale);
        MarketingMetrics.AddCreatorHeadline(metrics, creatorRows);
        if (world.Campaigns is { } book)
        {
            MarketingMetrics.AddHeadline(metrics, book, world.Users);
        }

        return new ReplicationResult
        {
            Index = index,
            Seed = settings.Seed,
            Users = settings.Population.Size,
            Days = [.. collector.Days],
            Metrics = metrics,
            Evaluations = evaluations,
            Segments = SegmentMetrics.Compute(world.Users, collector.Days.Count),
            Campaigns = world.Campaigns is null ? [] : MarketingMetrics.Campaigns(world.Campaigns),
            Creators = creatorRows,
            RetentionCurve = [.. Enumerable.Range(1, Math.Clamp(lastCompleteDay, 0, 30)).Select(n => world.Retention(n, lastCompleteDay))],
            Impressions = world.TotalImpressions,
            Complete = complete,
            WallSeconds = wallSeconds,
        };
    }
}
