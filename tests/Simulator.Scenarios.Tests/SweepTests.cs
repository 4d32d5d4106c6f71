using Simulator.Scenarios.Loading;

namespace Simulator.Scenarios.Tests;

public sealed class SweepTests
{
    private const string Limit = """
        name: limits
        policies:
          - daily_limit: { minutes: 60, ages: [13, 17] }
        sweep:
          parameter: policies.0.daily_limit.minutes
          values: [30, 90, none]
        """;

    [Fact]
    public void Should_ResolveEachGridPoint_When_SweepingAListItem()
    {
        var doc = ScenarioLoader.Parse("s.yaml", Limit);

        var plan = doc.Sweep!;
        Assert.Equal("policies.0.daily_limit.minutes", plan.Parameter);
        Assert.Equal(["30", "90", "none"], plan.Points.Select(p => p.Key));
        Assert.Equal(30, plan.Points[0].Value.Policies[0].DailyLimit!.Minutes);
        Assert.Equal(90, plan.Points[1].Value.Policies[0].DailyLimit!.Minutes);
        // 'none' removes the policy the path goes through
        Assert.Empty(plan.Points[2].Value.Policies);
        // The baseline is untouched and every point keeps its name
        Assert.Equal(60, doc.Scenario.Policies[0].DailyLimit!.Minutes);
        Assert.All(plan.Points, p => Assert.Equal("limits", p.Value.Name));
    }

    [Fact]
    public void Should_CreateMissingOptionMappings_When_KeyIsNotInFile()
    {
        var doc = ScenarioLoader.Parse("s.yaml", "sweep: { parameter: recommender.diversity_weight, values: [0, 0.6] }\n");
        Assert.Equal([0.0, 0.6], doc.Sweep!.Points.Select(p => p.Value.Recommender.DiversityWeight));
    }

    [Fact]
    public void Should_PointAtTheValue_When_AGridValueIsOutOfRange()
    {
        var errors = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("s.yaml", "sweep:\n  parameter: recommender.diversity_weight\n  values: [0, 99]\n")).Errors;
        var e = Assert.Single(errors);
        Assert.Equal(3, e.Line);
        Assert.Equal(15, e.Column);
        Assert.Contains("diversity_weight", e.KeyPath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sweep: { parameter: policies.3.daily_limit.minutes, values: [1, 2] }\n", "does not address")]
    [InlineData("sweep: { parameter: seed, values: [1, 2] }\n", "cannot be swept")]
    [InlineData("sweep: { parameter: recommender.slate_size, values: [8] }\n", "at least two values")]
    [InlineData("sweep: { parameter: recommender.slate_size, values: [4, 8], step: 1 }\n", "allowed: parameter, values")]
    [InlineData("sweep: { parameter: recommender.slate_sise, values: [4, 8] }\n", "did you mean 'slate_size'")]
    public void Should_ExplainTheProblem_When_SweepIsMalformed(string yaml, string expected)
    {
        var errors = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("s.yaml", yaml)).Errors;
        Assert.Contains(errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }
}
