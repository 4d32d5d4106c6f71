
namespace Simulator.Runs.Tests;

public sealed class LaneProgressTests
{
    private sealed class Recorder : IRunProgress
    {
        public List<RunProgress> Seen { get; } = [];

        public void Report(in RunProgress progress) => Seen.Add(progress);
    }

    private static RunProgress At(int replication, long tick, int day, long impressions) =>
        new(replication, 2, tick, 100, day, 10, impressions, 5, 0);

    [Fact]
    public void Should_ForwardTotalsAndTheSlowestLanesDay_When_TwoLanesInterleave()
    {
        // Given two replications reporting alternately, one ahead of the other
        var seen = new Recorder();
        var lanes = new LaneProgress(seen, replications: 2);
        lanes.Report(At(0, 40, 3, 4_000));
        lanes.Report(At(1, 20, 1, 2_000));
        lanes.Report(At(0, 50, 4, 5_000));
        lanes.Report(At(1, 30, 2, 3_000));

        // Then the impression count is the two lanes' total and never goes backwards
        Assert.Equal([4_000L, 6_000, 7_000, 8_000], seen.Seen.Select(p => p.Impressions));
        // And the day shown is the least advanced lane's (replication 1, days 1 then 2), not whichever reported last
        Assert.Equal([3, 1, 1, 2], seen.Seen.Select(p => p.Day));
        // And the overall fraction is carried by replication and tick: (0.5 + 0.3) of one replication
        Assert.Equal(0, seen.Seen[^1].Replication);
        Assert.Equal(80, seen.Seen[^1].Tick);
    }

    [Fact]
    public void Should_KeepWarmupImpressions_When_ALaneRestartsItsCount()
    {
        // Given a lane whose count restarts at day 0 after its warm-up
        var seen = new Recorder();
        var lanes = new LaneProgress(seen, replications: 2);
        lanes.Report(At(0, 10, -1, 1_000));
        lanes.Report(At(0, 20, 0, 200));

        // Then the forwarded total keeps rising
        Assert.Equal([1_000L, 1_200], seen.Seen.Select(p => p.Impressions));
    }
}
