using Simulator.Engine.Snapshots;
using Simulator.Reporting.Output;
using Simulator.Scenarios.Loading;

namespace Simulator.Runs.Tests;

/// <summary>A run stopped at a tick boundary and resumed from its snapshots ends in the same bytes as one that was never stopped.</summary>
public sealed class SnapshotResumeTests : IDisposable
{
    // Ranked (daily training, embeddings, served history), a warm-up, installs and a campaign: every kind of state.
    private const string Scenario = """
        name: resume
        seed: 11
        replications: 2
        duration: { days: 3, warmup_days: 1 }
        population: { size: 300 }
        content: { catalogue_min_users: 0 }
        campaigns:
          - { name: spring, start_day: 1, days: 2, budget: 2000, tiers: { nano: 1.0 }, format: sponsored }
        """;

    private static readonly ManifestInfo Info = new() { Version = "test", StartedUtc = "2026-01-01T00:00:00Z", Command = "test" };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sim-resume-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData(1, 2, 700)]
    [InlineData(2, 1, 1441)]
    [InlineData(2, 2, 3333)]
    public void Should_EndInTheSameBytes_When_StoppedAtATickAndResumed(int threads, int resumeThreads, int cutTick)
    {
        // Given the scenario run without a stop
        var document = ScenarioLoader.Parse("resume.yaml", Scenario);
        var whole = ScenarioRunner.Run(document.Scenario, new RunOptions { Threads = threads, ReplicationLanes = 1 });

        // When it runs with checkpoints, is stopped after cutTick ticks of its first replication, and is run again on resumeThreads threads
        var plan = new CheckpointPlan { Directory = Path.Combine(_root, "work"), EveryDays = 1, ScenarioHash = document.Hash, Build = "test" };
        var options = new RunOptions { Threads = threads, ReplicationLanes = 1, Checkpoints = plan, ProgressEveryMinutes = 1 };
        using var stop = new CancellationTokenSource();
        var stopped = ScenarioRunner.Run(document.Scenario, options, new StopAfter(cutTick, stop), stop.Token);
        var saved = SnapshotFile.ReadHeader(plan.PathFor(0));
        var watch = new FirstTick();
        var resumed = ScenarioRunner.Run(document.Scenario, options with { Threads = resumeThreads }, watch);

        // Then the first run stopped at the cut, the second went on from there, and it wrote the uninterrupted run's files
        Assert.False(stopped.Complete);
        Assert.InRange(saved.Tick - StartTick(document), cutTick, cutTick + 1);
        Assert.Equal(saved.Tick - StartTick(document) + 1, watch.First);
        Assert.True(resumed.Complete);
        var expected = ResultWriter.Write(Path.Combine(_root, "whole"), document, whole, Info);
        var actual = ResultWriter.Write(Path.Combine(_root, "resumed"), document, resumed, Info);
        foreach (var file in new[] { "summary.json", "daily.csv", "segments.csv", "recommender.csv", "campaigns.csv", "creators.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(expected, file)), File.ReadAllText(Path.Combine(actual, file)));
        }
    }

    private static long StartTick(ScenarioDocument document) =>
        -document.Scenario.Duration.WarmupDays * 86_400L / (long)document.Scenario.Duration.Tick.TotalSeconds;

    // The first tick the resumed run reports for replication 0 (ticks done, counted from the run's start).
    private sealed class FirstTick : IRunProgress
    {
        public long First { get; private set; } = -1;

        public void Report(in RunProgress progress)
        {
            if (progress.Replication == 0 && First < 0)
            {
                First = progress.Tick;
            }
        }
    }

    private sealed class StopAfter(long ticks, CancellationTokenSource stop) : IRunProgress
    {
        public void Report(in RunProgress progress)
        {
            if (progress.Replication == 0 && progress.Tick >= ticks)
            {
                stop.Cancel();
            }
        }
    }
}
