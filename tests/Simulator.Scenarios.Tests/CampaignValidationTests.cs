using Simulator.Scenarios.Loading;
using Simulator.World.Marketing;

namespace Simulator.Scenarios.Tests;

public sealed class CampaignValidationTests
{
    private static ScenarioError Single(string yaml)
    {
        var errors = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("c.yaml", yaml)).Errors;
        return Assert.Single(errors);
    }

    [Fact]
    public void Should_BindACampaign_When_Valid()
    {
        var doc = ScenarioLoader.Parse("c.yaml", """
            duration: { days: 10 }
            campaigns:
              - name: spring
                product: { price: 59, category: 4 }
                target: { generations: [gen_z], countries: [US, BR], interested_only: true }
                budget: 20000
                start_day: 3
                days: 7
                tiers: { micro: 0.7, macro: 0.3 }
                format: live_shopping
                disclosure: false
                live: { hour: 19, minutes: 90, urgency: 1.2 }
            """);
        var c = Assert.Single(doc.Scenario.Campaigns);
        Assert.Equal(CampaignFormat.LiveShopping, c.Format);
        Assert.Equal(["US", "BR"], c.Target.Countries);
        Assert.Equal(0.7, c.Tiers["micro"]);
        Assert.False(c.Disclosure);
        Assert.Equal(90, c.Live.Minutes);
    }

    [Fact]
    public void Should_PointAtBudget_When_ZeroOrLess()
    {
        var e = Single("campaigns:\n  - { name: a, budget: 0 }\n");
        Assert.Equal(2, e.Line);
        Assert.Contains("budget", e.KeyPath, StringComparison.Ordinal);
        Assert.Equal(2, Single("campaigns:\n  - { name: a, budget: -5 }\n").Line);
    }

    [Fact]
    public void Should_RejectDatesOutsideTheRun_When_CampaignEndsAfterIt()
    {
        var e = Single("duration: { days: 5 }\ncampaigns:\n  - name: a\n    start_day: 3\n    days: 7\n");
        Assert.Equal(4, e.Line);
        Assert.Equal(16, e.Column);
        Assert.Contains("start_day + days must be at most duration.days (5)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("campaigns:\n  - { name: a, tiers: { giga: 1.0 } }\n", "giga", 2)]
    [InlineData("campaigns:\n  - { name: a, format: billboard }\n", "billboard", 2)]
    [InlineData("campaigns:\n  - name: a\n    target: { generations: [gen_alpha] }\n", "unknown segment 'gen_alpha'", 3)]
    [InlineData("campaigns:\n  - name: a\n    target: { countries: [XX] }\n", "unknown segment 'XX'", 3)]
    [InlineData("campaigns:\n  - name: a\n    product: { category: 99 }\n", "not a topic", 3)]
    [InlineData("campaigns:\n  - { name: a }\n  - { name: a }\n", "duplicate campaign name", 3)]
    public void Should_ExplainAndLocate_When_CampaignKeyIsUnknown(string yaml, string expected, int line)
    {
        var errors = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("c.yaml", yaml)).Errors;
        var e = Assert.Single(errors, x => x.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(line, e.Line);
        Assert.Equal("c.yaml", e.File);
    }
}
