using Simulator.Scenarios.Loading;

namespace Simulator.Runs.Tests;

public sealed class ReplicationLaneTests
{
    [Fact]
    public void Should_GiveIdenticalReplications_When_RunInParallelLanes()
    {
        // Given three replications of a small world
        var doc = ScenarioLoader.Parse("lanes.yaml", "name: lanes\nreplications: 3\nduration: { days: 2 }\npopulation: { size: 500 }\ncontent: { catalogue_min_users: 0 }\nrecommender: { policy: popularity }\n");

        // When run one after another, and in two parallel lanes
        var serial = ScenarioRunner.Run(doc.Scenario, new RunOptions { Threads = 2, ReplicationLanes = 1 });
        var parallel = ScenarioRunner.Run(doc.Scenario, new RunOptions { Threads = 2 });

        // Then the lanes were used and every replication is the same, in the same order
        Assert.Equal(1, serial.Lanes);
        Assert.Equal(2, parallel.Lanes);
        Assert.Equal(serial.Replications.Select(r => r.Index), parallel.Replications.Select(r => r.Index));
        for (var r = 0; r < 3; r++)
        {
            Assert.Equal(serial.Replications[r].Days, parallel.Replications[r].Days);
            Assert.Equal(serial.Replications[r].Metrics, parallel.Replications[r].Metrics);
        }
    }
}
