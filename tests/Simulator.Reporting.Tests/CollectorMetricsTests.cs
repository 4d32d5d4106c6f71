using Simulator.Reporting.Collection;
using Simulator.World.Simulation;

namespace Simulator.Reporting.Tests;

/// <summary>Each collector metric against a value computed by hand on a tiny log.</summary>
public sealed class CollectorMetricsTests
{
    [Fact]
    public void Should_GiveZeroEntropy_When_SessionHasOneTopic()
    {
        Assert.Equal(0.0, TopicEntropy.Bits([0, 5, 0, 0])!.Value, 12);
    }

    [Fact]
    public void Should_GiveLog2K_When_TopicsAreEven()
    {
        // Four topics, two views each: log2 4 = 2 bits
        Assert.Equal(2.0, TopicEntropy.Bits([2, 2, 2, 2])!.Value, 12);
        // Counts 2, 1, 1: −(½·log2 ½ + 2·¼·log2 ¼) = 0.5 + 1 = 1.5 bits
        Assert.Equal(1.5, TopicEntropy.Bits([2, 1, 1, 0])!.Value, 12);
        Assert.Null(TopicEntropy.Bits([0, 0]));
    }

    [Fact]
    public void Should_MatchHandComputedGini_When_ExposureIsUnequal()
    {
        // Equal exposure: 0
        Assert.Equal(0.0, ExposureStatistics.Gini([5, 5, 5, 5]), 12);
        // One creator holds everything among 4: (n − 1) / n = 0.75
        Assert.Equal(0.75, ExposureStatistics.Gini([0, 0, 12, 0]), 12);
        // 1, 2, 3, 4: Σ|xi − xj| over ordered pairs = 20, / (2 n² mean) = 20 / (2·16·2.5) = 0.25
        Assert.Equal(0.25, ExposureStatistics.Gini([4, 1, 3, 2]), 12);
        Assert.True(double.IsNaN(ExposureStatistics.Gini([0, 0])));
    }

    [Fact]
    public void Should_TakeAtLeastOneCreator_When_TopShareOfFewCreators()
    {
        // 1 % of 4 creators rounds up to one creator: 4 of 10
        Assert.Equal(0.4, ExposureStatistics.TopShare([4, 1, 3, 2], 0.01), 12);
        // Top half of 4: 4 + 3 of 10
        Assert.Equal(0.7, ExposureStatistics.TopShare([4, 1, 3, 2], 0.5), 12);
    }

    [Fact]
    public void Should_CountCohortRetention_When_UsersStartOnDifferentDays()
    {
        // Given five users over a run whose last complete day is 8:
        // u0 first day 0, active again on day 1 and 7; u1 first day 0, never again;
        // u2 first day 1, back on day 8 (= first + 7); u3 first day 2 (too young for D7);
        // u4 never active.
        int[] first = [0, 0, 1, 2, -1];
        ulong[] bits = [1UL | (1UL << 1) | (1UL << 7), 1UL, 1UL | (1UL << 7), 1UL | (1UL << 1), 0];
        long[] install = [0, 0, 0, 0, 0];

        // D1: cohorts u0, u1, u2, u3; retained u0 and u3 → 0.5
        Assert.Equal(0.5, CohortRetention.Rate(first, bits, install, false, 1, 8), 12);
        // D7: cohorts u0, u1, u2 (first + 7 ≤ 8); retained u0 and u2 → 2/3
        Assert.Equal(2.0 / 3.0, CohortRetention.Rate(first, bits, install, false, 7, 8), 12);
        // D30: no cohort old enough
        Assert.True(double.IsNaN(CohortRetention.Rate(first, bits, install, false, 30, 8)));
    }

    [Fact]
    public void Should_RestrictToInstalls_When_InstallsOnly()
    {
        int[] first = [0, 0];
        ulong[] bits = [1UL | 2UL, 1UL];
        long[] install = [-100, 50];
        Assert.Equal(0.0, CohortRetention.Rate(first, bits, install, true, 1, 5), 12);
        Assert.Equal(0.5, CohortRetention.Rate(first, bits, install, false, 1, 5), 12);
    }

    [Fact]
    public void Should_DeriveFatigueAndCreatorShares_When_GivenDailyCounts()
    {
        // Two days: 3 + 1 sessions with entropies summing to 4.5 bits, 100 + 300 impressions
        // with satiation summing to 40 + 20, 10 + 30 to new creators.
        var days = new[]
        {
            new DailyTotals { Day = 0, Dau = 1, Mau = 1, Impressions = 100, SessionsEnded = 3, SessionsWithImpressions = 3, SessionEntropyMilli = 3_000, SatiationMilli = 40_000, NewCreatorImpressions = 10 },
            new DailyTotals { Day = 1, Dau = 1, Mau = 1, Impressions = 300, SessionsEnded = 1, SessionsWithImpressions = 1, SessionEntropyMilli = 1_500, SatiationMilli = 20_000, NewCreatorImpressions = 30 },
        };

        var m = HeadlineMetrics.Compute(days, _ => double.NaN, double.NaN);

        Assert.Equal(4.5 / 4, m["fatigue.topic_entropy"], 12);
        Assert.Equal(60.0 / 400, m["fatigue.mean_satiation"], 12);
        Assert.Equal(40.0 / 400, m["creators.new_creator_share"], 12);
    }

    [Fact]
    public void Should_AddGiniAndTopShare_When_GivenCreatorImpressions()
    {
        var m = new SortedDictionary<string, double>(StringComparer.Ordinal);
        HeadlineMetrics.AddCreators(m, new long[] { 4, 1, 3, 2 });
        Assert.Equal(0.25, m["creators.exposure_gini"], 12);
        Assert.Equal(0.4, m["creators.top1pct_impression_share"], 12);
    }

    [Fact]
    public void Should_TakeTheMedianOfNewcomersOnly_When_SomeCreatorsDebutDuringTheRun()
    {
        // Given four organic creators (two debut on days 0 and 5), one campaign account after them
        var m = new SortedDictionary<string, double>(StringComparer.Ordinal);
        long[] impressions = [900, 10, 500, 7, 10_000];
        int[] debut = [int.MinValue, 0, int.MinValue, 5, 0];

        // When the newcomer metric is added
        HeadlineMetrics.AddNewcomers(m, impressions, debut, organicCreators: 4);

        // Then it is the median of the two newcomers (10 and 7), whatever the others and the campaign account got
        Assert.Equal(8.5, m["creators.newcomer_median_impressions"], 12);
        Assert.Equal(3.0, ExposureStatistics.Median([5, 3, 1]), 12);
        // And a world without newcomers has no such metric (not a zero)
        var none = new SortedDictionary<string, double>(StringComparer.Ordinal);
        HeadlineMetrics.AddNewcomers(none, impressions, [int.MinValue, int.MinValue, int.MinValue, int.MinValue, 0], organicCreators: 4);
        Assert.False(none.ContainsKey("creators.newcomer_median_impressions"));
    }

    [Fact]
    public void Should_DeriveCampaignRatios_When_GivenLedgerTotals()
    {
        // Spend $50, 20,000 impressions reaching 8,000 users, 600 engagements, 25 sales of $30,
        // hired creators with 4,000 followers between them
        var row = new Marketing.CampaignRow
        {
            Campaign = "c", Format = "sponsored", Tier = "all", Creators = 3, Posts = 3, Spend = 50, Impressions = 20_000,
            Reach = 8_000, Engagements = 600, Follows = 7, Conversions = 25, Revenue = 750, FollowersAtHire = 4_000,
        };

        Assert.Equal(2.5, row.Frequency, 12);
        Assert.Equal(0.03, row.EngagementRate, 12);
        Assert.Equal(0.15, row.EngagementRateFollowers, 12);
        Assert.Equal(2.5, row.Cpm, 12);
        Assert.Equal(50.0 / 600, row.Cpe, 12);
        Assert.Equal(2.0, row.Cpa, 12);
        Assert.Equal(15.0, row.Roas, 12);
        Assert.True(double.IsNaN((row with { Conversions = 0 }).Cpa));
    }
}
