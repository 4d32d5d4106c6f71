using Simulator.Scenarios.Loading;

namespace Simulator.Runs.Tests;

public sealed class StudyLaneTests
{
    [Fact]
    public void Should_GiveEachArmTheSameReplications_When_ArmsShareOneQueueOfLanes()
    {
        // Given a two-arm study of three replications each (an odd count, so a per-arm run would
        // leave a lane idle at the end of each arm)
        var doc = ScenarioLoader.Parse("study.yaml", """
            name: study
            replications: 3
            duration: { days: 2, warmup_days: 1 }
            population: { size: 400 }
            content: { catalogue_min_users: 0 }
            recommender: { policy: ranked, trees: 4 }
            variants:
              popular: { recommender: { policy: popularity } }
            """);
        Arm[] arms = [new("baseline", doc.Scenario), new("popular", doc.Variants[0].Value)];

        // When the arms run one after another with one lane, and as one queue on two lanes
        var serial = StudyRunner.Run(arms, new RunOptions { Threads = 2, ReplicationLanes = 1 });
        var pooled = StudyRunner.Run(arms, new RunOptions { Threads = 2 });

        // Then both arms used the two lanes and every replication is the same, in the same order
        Assert.All(pooled, r => Assert.Equal(2, r.Lanes));
        Assert.All(pooled, r => Assert.True(r.Complete));
        for (var a = 0; a < 2; a++)
        {
            Assert.Equal(serial[a].Replications.Select(r => r.Index), pooled[a].Replications.Select(r => r.Index));
            for (var r = 0; r < 3; r++)
            {
                Assert.Equal(serial[a].Replications[r].Days, pooled[a].Replications[r].Days);
                Assert.Equal(serial[a].Replications[r].Metrics, pooled[a].Replications[r].Metrics);
                Assert.Equal(serial[a].Replications[r].Evaluations.Select(e => e.Auc.Sum()), pooled[a].Replications[r].Evaluations.Select(e => e.Auc.Sum()));
            }
        }
    }
}
