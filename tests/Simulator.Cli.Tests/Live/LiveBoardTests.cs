using Simulator.Cli.Live;
using Simulator.Runs;
using Simulator.Scenarios.Loading;

namespace Simulator.Cli.Tests.Live;

public sealed class LiveBoardTests
{
    private const string Study = """
        name: board
        replications: 2
        duration: { days: 4, warmup_days: 1 }
        population: { size: 300 }
        content: { catalogue_min_users: 0 }
        recommender: { policy: popularity }
        variants:
          random:
            recommender: { policy: random }
        """;

    [Fact]
    public void Should_HoldEveryReportedDayOfEveryReplication_When_AStudyRunsThroughTheBoard()
    {
        // Given a two-arm study whose arms report to a board
        var doc = ScenarioLoader.Parse("board.yaml", Study);
        var arms = new List<Arm> { new("baseline", doc.Scenario), new("random", doc.Variants.Single().Value) };
        var board = new LiveBoard("compare", "board", [("baseline", 2), ("random", 2)]);

        // When the study runs
        var results = StudyRunner.Run(arms, new RunOptions { Threads = 2 }, a => board.ProgressFor(arms.IndexOf(a)));
        var s = board.Snapshot();

        // Then every arm shows each reported day over both replications, with the run's own values
        Assert.All(s.Arms, a =>
        {
            Assert.Equal(4, a.Daily.Count);
            Assert.Equal(4, a.DaysDone);
            Assert.Equal([4, 4], a.ReplicationDays);
            Assert.All(a.Daily, d => Assert.Equal(2, d.N));
            Assert.Equal(1, a.Fraction, 3);
            Assert.True(a.Settle.Assessed);
        });
        var day0 = results[0].Replications.Select(r => r.Days[0]).Select(d => d.WatchMinutes / d.Dau).Average();
        Assert.Equal(day0, s.Arms[0].Daily[0].MinutesPerDau.Mean!.Value, 3);
        // And the compare's running difference covers every day with both pairs
        var diff = Assert.Single(s.Differences);
        Assert.Equal("random", diff.Label);
        Assert.Equal(4, diff.Daily.Count);
        Assert.All(diff.Daily, d => Assert.Equal(2, d.N));
    }

    [Fact]
    public void Should_ChangeVersionAndCacheSnapshots_When_TheBoardMoves()
    {
        // Given a board
        var board = new LiveBoard("run", "x", [("x", 1)]);
        var first = board.Snapshot();

        // When nothing happens, the same snapshot comes back; when progress arrives, a new one
        Assert.Same(first, board.Snapshot());
        board.Progress(0, new RunProgress(0, 1, 30, 60, 0, 2, 1000, 5, 0));
        var second = board.Snapshot();

        // Then it shows the progress, and the end once finished
        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal(0.5, second.Arms[0].Fraction, 3);
        board.Finish("complete", "/tmp/report.html", "done");
        Assert.True(board.Finished);
        Assert.Equal("complete", board.Snapshot().Status);
        Assert.True(board.Snapshot().Report);
    }
}
