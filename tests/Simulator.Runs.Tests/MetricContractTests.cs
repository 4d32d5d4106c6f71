using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Model;

namespace Simulator.Runs.Tests;

public sealed class MetricContractTests
{
    [Fact]
    public void Should_ProduceOnlyCataloguedKeys_When_ARankedWorldWithACampaignRuns()
    {
        // Given a small ranked world with a sponsored campaign, run past D7
        var document = ScenarioLoader.Parse("keys.yaml", """
            name: keys
            replications: 1
            duration: { days: 8, warmup_days: 1 }
            population: { size: 300 }
            content: { catalogue_min_users: 0 }
            recommender: { policy: ranked }
            campaigns:
              - { name: launch, start_day: 1, days: 3, budget: 2000, tiers: { nano: 0.5, micro: 0.5 }, format: sponsored }
            """);

        // When it runs
        var metrics = ScenarioRunner.Run(document.Scenario, new RunOptions { Threads = 2 }).Replications[0].Metrics;

        // Then every key it reports is in the metric catalogue, and the headline ones are all there
        Assert.All(metrics.Keys, k => Assert.True(MetricCatalog.IsKnown(k), $"{k} is not in the catalogue"));
        Assert.Contains(MetricKeys.RetentionD7, metrics.Keys);
        Assert.Contains(MetricKeys.CampaignPrefix + "launch.spend", metrics.Keys);
        Assert.Contains(MetricKeys.AucPrefix + "finish", metrics.Keys);
    }
}
