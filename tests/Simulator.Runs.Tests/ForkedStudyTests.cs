using Simulator.Scenarios.Loading;

namespace Simulator.Runs.Tests;

/// <summary>A study's arms start from one burn-in of the baseline per replication, where their differences allow it.</summary>
public sealed class ForkedStudyTests
{
    private const string Scenario = """
        name: fork
        seed: 9
        replications: 2
        duration: { days: 2, warmup_days: 2 }
        population: { size: 300 }
        content: { catalogue_min_users: 0 }
        variants:
          same: { recommender: { weights: { like: 1.0 } } }
          limited: { policies: [ { daily_limit: { minutes: 5, ages: [13, 80], override_rate: 0.0 } } ] }
          chronological: { recommender: { policy: chronological } }
          bigger: { population: { size: 320 } }
        """;

    [Fact]
    public void Should_ForkTheArmsThatMay_And_GiveTheSameBytesOnAnyThreadCount()
    {
        // Given a baseline and four variants: two recommender changes, a policy, and a population change
        var document = ScenarioLoader.Parse("fork.yaml", Scenario);
        var arms = new[] { new Arm("baseline", document.Scenario) }.Concat(document.Variants.Select(v => new Arm(v.Key, v.Value))).ToArray();

        // When the study runs on one thread, and on two (replications in lanes)
        var one = StudyRunner.Run(arms, new RunOptions { Threads = 1 });
        var two = StudyRunner.Run(arms, new RunOptions { Threads = 2 });

        // Then the first three variants start from the baseline's burn-in, the population change warms up on its own and says why
        Assert.Equal(StudyForks.Shared, one[0].Start);
        Assert.All(one.Skip(1).Take(3), r => Assert.Equal(StudyForks.Forked, r.Start));
        Assert.Equal("its own warm-up: it changes population, which shaped the baseline's warm-up", one[4].Start);

        // And every arm's numbers are the same on both thread counts
        for (var a = 0; a < arms.Length; a++)
        {
            for (var r = 0; r < 2; r++)
            {
                Assert.Equal(one[a].Replications[r].Days, two[a].Replications[r].Days);
                Assert.Equal(one[a].Replications[r].Metrics, two[a].Replications[r].Metrics);
            }
        }
    }

    [Fact]
    public void Should_CarryTheWholeWorldAcross_And_ApplyTheVariantFromTheFork()
    {
        // Given the same study
        var document = ScenarioLoader.Parse("fork.yaml", Scenario);
        var arms = new[] { new Arm("baseline", document.Scenario) }.Concat(document.Variants.Select(v => new Arm(v.Key, v.Value))).ToArray();

        // When it runs forked, and with every arm warming up on its own
        var forked = StudyRunner.Run(arms, new RunOptions { Threads = 2 });
        var separate = StudyRunner.Run(arms, new RunOptions { Threads = 2, ForkArms = false });

        // Then a variant that changes nothing the world reads is the baseline, day for day (nothing was lost at the fork)
        Assert.Equal(forked[0].Replications[0].Days, forked[1].Replications[0].Days);
        Assert.Equal(forked[0].Replications[1].Metrics, forked[1].Replications[1].Metrics);

        // And the baseline is the same whether it forks or not (its burn-in is its own warm-up)
        Assert.Equal(separate[0].Replications[0].Days, forked[0].Replications[0].Days);
        Assert.Equal("its own warm-up", separate[2].Start);

        // And the variants' own configuration acts from the first reported day: the limit prompts, the feed changes
        Assert.All(forked[2].Replications, r => Assert.True(r.Days.Sum(d => d.LimitPrompts) > 0));
        Assert.All(forked[0].Replications, r => Assert.Equal(0, r.Days.Sum(d => d.LimitPrompts)));
        Assert.NotEqual(forked[0].Replications[0].Metrics, forked[3].Replications[0].Metrics);

        // And a forked variant's first reported day differs from its own-warm-up run (it started on the baseline's platform)
        Assert.NotEqual(separate[3].Replications[0].Days[0], forked[3].Replications[0].Days[0]);
    }
}
