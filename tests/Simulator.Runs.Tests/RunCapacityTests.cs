using Simulator.Scenarios.Loading;

namespace Simulator.Runs.Tests;

public sealed class RunCapacityTests
{
    private const long Plenty = 1L << 50;

    [Fact]
    public void Should_RefuseTheSchemasLargestPopulation_When_AnArrayWouldOverflow()
    {
        // Given the largest population the schema allows
        var scenario = ScenarioLoader.Parse("huge.yaml", "name: huge\npopulation: { size: 20000000 }\n").Scenario;

        // When its capacity is checked on a machine with memory to spare
        var refusal = RunCapacity.Refusal(scenario, new RunOptions { Threads = 2 }, Plenty);

        // Then it is refused for the array that overflows, with the most users these settings allow
        Assert.NotNull(refusal);
        Assert.Contains("population.size 20,000,000 cannot run", refusal, StringComparison.Ordinal);
        Assert.Contains("Served", refusal, StringComparison.Ordinal);
        Assert.Contains("at most 16,777,215 users", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("GiB", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseAPopulation_When_ItsEstimateExceedsTheMemoryAvailable()
    {
        // Given a million users, and two worlds of 300,000 held at once in lanes
        var million = ScenarioLoader.Parse("m.yaml", "name: m\nreplications: 1\npopulation: { size: 1000000 }\n").Scenario;
        var lanes = ScenarioLoader.Parse("l.yaml", "name: l\nreplications: 2\npopulation: { size: 240000 }\n").Scenario;

        // When checked against 1 GiB, and against plenty
        var small = RunCapacity.Refusal(million, new RunOptions { Threads = 2 }, 1L << 30);
        var twoWorlds = RunCapacity.Refusal(lanes, new RunOptions { Threads = 2 }, 1L << 30);
        var oneLane = RunCapacity.Refusal(lanes, new RunOptions { Threads = 2, ReplicationLanes = 1 }, Plenty);

        // Then the first two are refused with the estimate (bytes per user × users against what is available), the last fits
        Assert.NotNull(small);
        Assert.Matches(@"needs about \d+\.\d GiB \([\d,]+ bytes per user × 1,000,000 users", small);
        Assert.Contains("1.0 GiB is available", small, StringComparison.Ordinal);
        Assert.NotNull(twoWorlds);
        Assert.Contains("× 2 world(s) in memory at once", twoWorlds, StringComparison.Ordinal);
        Assert.Null(oneLane);
    }

    [Fact]
    public void Should_NotCheck_When_ThePopulationIsSmall()
    {
        // Given a small world and no memory at all: the check does not even build its sample worlds
        var scenario = ScenarioLoader.Parse("s.yaml", "name: s\npopulation: { size: 5000 }\n").Scenario;

        // Then it fits
        Assert.Null(RunCapacity.Refusal(scenario, new RunOptions { Threads = 2 }, 0));
    }
}
