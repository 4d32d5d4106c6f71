using Recommender;
using Simulator.Scenarios.Loading;

namespace Simulator.Scenarios.Tests;

public sealed class LoaderTests
{
    private static ScenarioDocument Parse(string yaml, string path = "test.yaml") => ScenarioLoader.Parse(path, yaml);

    private static IReadOnlyList<ScenarioError> Errors(string yaml) =>
        Assert.Throws<ScenarioValidationException>(() => Parse(yaml)).Errors;

    [Fact]
    public void Should_ApplyDefaults_When_FileStatesOnlyChanges()
    {
        var doc = Parse("population: { size: 1234 }\n", "scenarios/my-study.yaml");

        Assert.Equal("my-study", doc.Scenario.Name);
        Assert.Equal(1234, doc.Scenario.Population.Size);
        Assert.Equal(0.45, doc.Scenario.Population.Generations["gen_z"]);
        Assert.Equal(7, doc.Scenario.Duration.Days);
        Assert.Equal(TimeSpan.FromMinutes(1), doc.Scenario.Duration.Tick);
        Assert.Equal(FeedPolicyKind.Ranked, doc.Scenario.Recommender.Policy);
        Assert.Equal(2, doc.Scenario.Duration.WarmupDays);
        Assert.Equal(64, doc.Hash.Length);
    }

    [Fact]
    public void Should_KeepSiblingDefaults_When_NestedRecordIsPartlyGiven()
    {
        var doc = Parse("recommender:\n  weights: { share: 9 }\nduration: { tick: 5m }\n");

        Assert.Equal(9, doc.Scenario.Recommender.Weights.Share);
        Assert.Equal(1, doc.Scenario.Recommender.Weights.Like);
        Assert.Equal(TimeSpan.FromMinutes(5), doc.Scenario.Duration.Tick);
        Assert.Equal(7, doc.Scenario.Duration.Days);
    }

    [Fact]
    public void Should_NameLineColumnAndSuggestion_When_KeyIsUnknown()
    {
        var e = Assert.Single(Errors("seed: 1\npopulation:\n  sise: 10\n"));

        Assert.Equal(3, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Equal("population.sise", e.KeyPath);
        Assert.Contains("did you mean 'size'", e.Message, StringComparison.Ordinal);
        Assert.Equal("test.yaml", e.File);
    }

    [Fact]
    public void Should_ReportExpectedType_When_ValueHasWrongType()
    {
        var e = Assert.Single(Errors("population:\n  size: many\n"));

        Assert.Equal((2, 9), (e.Line, e.Column));
        Assert.Equal("population.size", e.KeyPath);
        Assert.Contains("whole number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheSum_When_SharesDoNotSumToOne()
    {
        var e = Assert.Single(Errors("population:\n  countries: { US: 0.5, BR: 0.3 }\n"));

        Assert.Equal((2, 14), (e.Line, e.Column));
        Assert.Equal("population.countries", e.KeyPath);
        Assert.Contains("sum to 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("0.8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_BindMarketMixes_When_PopulationListsMarkets()
    {
        var doc = Parse("population:\n  markets:\n    - { country: US, devices: { ios: 0.61, android_high: 0.2, android_low: 0.19 } }\n    - { country: PK, generations: { gen_z: 0.6, millennial: 0.4 } }\n");

        var m = doc.Scenario.Population.Markets;
        Assert.Equal(["US", "PK"], m.Select(x => x.Country));
        Assert.Equal(0.61, m[0].Devices!["ios"]);
        Assert.Null(m[0].Generations);
        Assert.Equal(0.4, m[1].Generations!["millennial"]);
    }

    [Fact]
    public void Should_BindTheNonPersonalizedFeedOption_When_PoliciesListIt()
    {
        var doc = Parse("policies:\n  - non_personalized_feed: { share: 0.2, ages: [18, 120] }\n");

        var feed = Assert.Single(doc.Scenario.Policies).NonPersonalizedFeed;
        Assert.Equal(0.2, feed!.Share);
        Assert.Equal([18, 120], feed.Ages);
    }

    [Theory]
    [InlineData("population:\n  markets:\n    - { country: XX, devices: { ios: 1 } }\n", "population.markets[0].country", "unknown country 'XX'")]
    [InlineData("population:\n  markets:\n    - { country: US }\n", "population.markets[0]", "neither devices nor generations")]
    [InlineData("population:\n  markets:\n    - { country: US, devices: { ios: 0.5 } }\n", "population.markets[0].devices", "sum to 1")]
    [InlineData("population:\n  markets:\n    - { country: US, devices: { iOS: 1 } }\n", "population.markets[0].devices.iOS", "did you mean 'ios'")]
    [InlineData("population:\n  markets:\n    - { country: US, devices: { ios: 1 } }\n    - { country: US, generations: { gen_z: 1 } }\n", "population.markets", "listed twice")]
    [InlineData("policies:\n  - non_personalized_feed: { share: 1.5 }\n", "policies[0].non_personalized_feed.share", "between 0 and 1")]
    [InlineData("policies:\n  - non_personalized_feed: { ages: [30, 20] }\n", "policies[0].non_personalized_feed.ages", "inverted")]
    [InlineData("policies:\n  - { curfew: {}, non_personalized_feed: {} }\n", "policies[0]", "exactly one of daily_limit, curfew or non_personalized_feed")]
    public void Should_NameTheKeyPath_When_AMarketOrTheNonPersonalizedFeedIsInvalid(string yaml, string keyPath, string message)
    {
        var e = Assert.Single(Errors(yaml));

        Assert.Equal(keyPath, e.KeyPath);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.True(e.Line >= 2, $"line {e.Line}");
    }

    [Fact]
    public void Should_RejectUnknownCountry_When_NotInTheCatalogue()
    {
        var e = Assert.Single(Errors("population:\n  countries: { US: 0.5, XX: 0.5 }\n"));
        Assert.Equal("population.countries.XX", e.KeyPath);
        Assert.Contains("Allowed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportRange_When_ValueIsOutOfBounds()
    {
        var e = Assert.Single(Errors("duration: { days: 0 }\n"));
        Assert.Equal("duration.days", e.KeyPath);
        Assert.Contains("between 1 and 3650", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PointAtThePercentile_When_FollowPercentilesAreOutOfOrder()
    {
        // Given a tenth percentile above the median and a ninetieth below it
        var errors = Errors("content:\n  follows_median: 50\n  follows_p10: 80\n  follows_p90: 40\n");

        // Then both are reported at their own line, saying what is allowed
        Assert.Equal(2, errors.Count);
        Assert.Equal(("content.follows_p10", 3), (errors[0].KeyPath, errors[0].Line));
        Assert.Contains("at most content.follows_median (50)", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(("content.follows_p90", 4), (errors[1].KeyPath, errors[1].Line));
    }

    [Fact]
    public void Should_ListAllowedValues_When_EnumValueIsUnknown()
    {
        var e = Assert.Single(Errors("recommender: { policy: populartiy }\n"));
        Assert.Contains("did you mean 'popularity'", e.Message, StringComparison.Ordinal);
        Assert.Contains("random", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportEveryError_When_FileHasSeveral()
    {
        var errors = Errors("sede: 1\nreplications: 0\nduration: { tick: 7m }\n");
        Assert.Equal(3, errors.Count);
        Assert.Equal([1, 2, 3], errors.Select(e => e.Line));
    }

    [Fact]
    public void Should_LocateSyntaxErrors_When_YamlIsMalformed()
    {
        var e = Assert.Single(Errors("population:\n  size: [1, 2\n"));
        Assert.Contains("YAML syntax", e.Message, StringComparison.Ordinal);
        Assert.True(e.Line >= 2);
    }

    [Fact]
    public void Should_RejectDuplicateKeys_When_KeyRepeats()
    {
        var errors = Errors("seed: 1\nseed: 2\n");
        Assert.Contains(errors, e => e.Line == 2);
    }

    [Fact]
    public void Should_ResolveVariantsOverBaseline_When_VariantsAreGiven()
    {
        var doc = Parse("""
            seed: 5
            population: { size: 100 }
            recommender: { weights: { like: 2 } }
            variants:
              random-feed:
                recommender: { policy: random }
              share-heavy:
                recommender: { weights: { share: 9 } }
            """);

        Assert.Equal(["random-feed", "share-heavy"], doc.Variants.Select(v => v.Key));
        var random = doc.Variants[0].Value;
        Assert.Equal(FeedPolicyKind.Random, random.Recommender.Policy);
        Assert.Equal(2, random.Recommender.Weights.Like);
        Assert.Equal(100, random.Population.Size);
        var share = doc.Variants[1].Value;
        Assert.Equal(9, share.Recommender.Weights.Share);
        Assert.Equal(2, share.Recommender.Weights.Like);
        Assert.Equal(FeedPolicyKind.Ranked, doc.Scenario.Recommender.Policy);
    }

    [Fact]
    public void Should_LocateErrorsInsideVariant_When_VariantIsInvalid()
    {
        var errors = Errors("seed: 5\nvariants:\n  bad:\n    recommender: { slate_sise: 4 }\n  worse:\n    seed: 9\n");
        Assert.Contains(errors, e => e.Line == 4 && e.KeyPath == "recommender.slate_sise" && e.Message.Contains("slate_size", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6 && e.KeyPath == "variants.worse.seed");
    }

    [Fact]
    public void Should_CheckGuardrails_When_GuardrailsAreGiven()
    {
        var doc = Parse("guardrails:\n  - { metric: stickiness.retention_d7, max_drop_pct: 1 }\n");
        Assert.Equal(1.0, Assert.Single(doc.Scenario.Guardrails).MaxDropPct);

        var errors = Errors("guardrails:\n  - { metric: stickiness.retension_d7, max_drop_pct: 1 }\n  - { metric: stickiness.dau_mau }\n");
        Assert.Contains(errors, e => e.Line == 2 && e.Message.Contains("did you mean 'stickiness.retention_d7'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 3 && e.Message.Contains("exactly one", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_RejectNonMapping_When_FileIsEmptyOrAList()
    {
        Assert.Single(Errors(""));
        Assert.Single(Errors("- a\n- b\n"));
    }

    [Fact]
    public void Should_ReportInvertedAgesAndNegativeLimits_When_PoliciesAreInvalid()
    {
        var errors = Errors("policies:\n  - daily_limit: { minutes: -5, ages: [17, 13] }\n  - curfew: { start_hour: 25 }\n  - { }\n");

        Assert.Contains(errors, e => e.KeyPath == "policies[0].daily_limit.minutes" && e.Line == 2 && e.Message.Contains("between 1 and 1440", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.KeyPath == "policies[0].daily_limit.ages" && e.Message.Contains("inverted", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.KeyPath == "policies[1].curfew.start_hour" && e.Line == 3);
        Assert.Contains(errors, e => e.KeyPath == "policies[2]" && e.Message.Contains("exactly one", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_BindPolicies_When_TheyAreValid()
    {
        var doc = Parse("policies:\n  - daily_limit: { minutes: 40, ages: [13, 13] }\n  - curfew: { start_hour: 22, end_hour: 6 }\n");
        Assert.Equal(40, doc.Scenario.Policies[0].DailyLimit!.Minutes);
        Assert.Equal([13, 13], doc.Scenario.Policies[0].DailyLimit!.Ages);
        Assert.Equal(0.3, doc.Scenario.Policies[0].DailyLimit!.OverrideRate);
        Assert.Equal(22, doc.Scenario.Policies[1].Curfew!.StartHour);
    }

    [Fact]
    public void Should_RejectUnknownDeviceAndNegativeShare_When_PopulationIsInvalid()
    {
        var errors = Errors("population:\n  devices: { ios: 1.2, android_high: -0.2, windows: 0 }\n");
        Assert.Contains(errors, e => e.KeyPath == "population.devices.windows");
        Assert.Contains(errors, e => e.KeyPath == "population.devices.android_high" && e.Message.Contains("between 0 and 1", StringComparison.Ordinal));
    }
}
