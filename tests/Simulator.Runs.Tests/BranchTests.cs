using Simulator.Scenarios.Loading;

namespace Simulator.Runs.Tests;

/// <summary><c>run FILE --from SOURCE --at-day D</c>: a what-if that takes over another world at day D.</summary>
public sealed class BranchTests : IDisposable
{
    private const string Parent = "name: parent\nseed: 5\nreplications: 2\nduration: { days: 3, warmup_days: 1 }\npopulation: { size: 250 }\ncontent: { catalogue_min_users: 0 }\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("sim-branch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_GiveTheSameBytes_When_BranchingFromKeptCheckpointsOrFromTheParentScenario()
    {
        // Given a parent scenario on disk, a run of it that kept each day's checkpoint, and a what-if (the chronological feed)
        var parentFile = Path.Combine(_dir, "parent.yaml");
        File.WriteAllText(parentFile, Parent);
        var parent = ScenarioLoader.Load(parentFile);
        var area = Path.Combine(_dir, "checkpoints");
        var source = new SnapshotSource(parentFile, Parent, 1.0, null);
        var keep = new CheckpointPlan { Directory = area, EveryDays = 1, KeepDays = true, ScenarioHash = parent.Hash, Build = "test", Source = source };
        var parentRun = ScenarioRunner.Run(parent.Scenario, new RunOptions { Threads = 2, Checkpoints = keep });
        var whatIf = ScenarioLoader.Parse("chrono.yaml", Parent.Replace("name: parent", "name: chrono", StringComparison.Ordinal) + "recommender: { policy: chronological }\n").Scenario;

        // When the what-if branches at day 1 from the kept checkpoints, and from the parent scenario simulated up to day 1
        var fromCheckpoints = ScenarioRunner.Run(whatIf, new RunOptions { Threads = 2, Build = "test", Branch = new BranchRequest(area, 1) });
        var fromScenario = ScenarioRunner.Run(whatIf, new RunOptions { Threads = 1, Build = "test", Branch = new BranchRequest(parentFile, 1) });

        // Then both are the same, day 0 is the parent's own and the days after it are not
        for (var r = 0; r < 2; r++)
        {
            Assert.Equal(fromScenario.Replications[r].Days, fromCheckpoints.Replications[r].Days);
            Assert.Equal(fromScenario.Replications[r].Metrics, fromCheckpoints.Replications[r].Metrics);
            Assert.Equal(parentRun.Replications[r].Days[0], fromCheckpoints.Replications[r].Days[0]);
            Assert.NotEqual(parentRun.Replications[r].Days[2], fromCheckpoints.Replications[r].Days[2]);
        }
    }

    [Fact]
    public void Should_RefuseABranch_When_ItChangesThePopulationGoesBackOrLeavesTheRun()
    {
        // Given a parent scenario and what-ifs that differ from it
        var parentFile = Path.Combine(_dir, "parent.yaml");
        File.WriteAllText(parentFile, Parent);
        var bigger = ScenarioLoader.Parse("b.yaml", Parent.Replace("size: 250", "size: 260", StringComparison.Ordinal)).Scenario;
        var same = ScenarioLoader.Parse("s.yaml", Parent).Scenario;

        // When each is planned
        var population = Branches.Refusal(bigger, new RunOptions { Branch = new BranchRequest(parentFile, 1) }, "test");
        var late = Branches.Refusal(same, new RunOptions { Branch = new BranchRequest(parentFile, 3) }, "test");
        var missing = Branches.Refusal(same, new RunOptions { Branch = new BranchRequest(_dir, 1) }, "test");
        var fine = Branches.Refusal(same, new RunOptions { Branch = new BranchRequest(parentFile, -1) }, "test");

        // Then each refusal says why, and a branch inside the run is accepted
        Assert.Contains("it changes population", population, StringComparison.Ordinal);
        Assert.Contains("reported days 0 … 2", late, StringComparison.Ordinal);
        Assert.Contains("no checkpoint of replication 0 at or before day 1", missing, StringComparison.Ordinal);
        Assert.Null(fine);
    }
}
