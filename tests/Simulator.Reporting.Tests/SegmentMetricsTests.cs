using Simulator.Reporting.Collection;
using Simulator.World.Population;

namespace Simulator.Reporting.Tests;

public sealed class SegmentMetricsTests
{
    [Fact]
    public void Should_MatchHandComputedValues_When_TwoTeensAndOneAdult()
    {
        // Given three users over a 10-day run: two teens and one adult
        var users = new UserTable(3, topics: 4, feedCapacity: 8);
        users.Persona.IsTeen[0] = users.Persona.IsTeen[1] = true;
        // Teen 0: active days 0, 1 and 7 (3 days), 30 min, 6 sessions, entropy 1.0 + 2.0 bits over 2 sessions
        users.Activity.FirstActiveDay[0] = 0;
        users.Activity.ActiveDays[0] = 1UL | (1UL << 1) | (1UL << 7);
        users.Activity.ActiveDayCount[0] = 3;
        users.Lifetime.WatchMs[0] = 30 * 60_000;
        users.Lifetime.Sessions[0] = 6;
        users.Lifetime.Impressions[0] = 100;
        users.Lifetime.Completions[0] = 40;
        users.Lifetime.EntropyMilli[0] = 3_000;
        users.Lifetime.EntropySessions[0] = 2;
        // Teen 1: active day 0 only, 10 min, 2 sessions, one session of entropy 0.5 bits
        users.Activity.FirstActiveDay[1] = 0;
        users.Activity.ActiveDays[1] = 1UL;
        users.Activity.ActiveDayCount[1] = 1;
        users.Lifetime.WatchMs[1] = 10 * 60_000;
        users.Lifetime.Sessions[1] = 2;
        users.Lifetime.Impressions[1] = 50;
        users.Lifetime.Completions[1] = 10;
        users.Lifetime.EntropyMilli[1] = 500;
        users.Lifetime.EntropySessions[1] = 1;
        // The adult never opens the app
        users.Activity.FirstActiveDay[2] = -1;

        var rows = SegmentMetrics.Compute(users, completeDays: 10);

        var teen = rows.Single(r => r.Dimension == "account" && r.Segment == "teen");
        Assert.Equal(2, teen.Users);
        Assert.Equal(2, teen.EverActive);
        // 4 active user-days of 2 users × 10 days
        Assert.Equal(0.2, teen.DailyActiveShare, 12);
        // 40 minutes over 4 active days; 8 sessions over 4 days; 40 min / 8 sessions
        Assert.Equal(10.0, teen.MinutesPerDau, 12);
        Assert.Equal(2.0, teen.SessionsPerDau, 12);
        Assert.Equal(5.0, teen.MinutesPerSession, 12);
        // D1: both in cohort, one back; D7: both in cohort (0 + 7 < 10), one back
        Assert.Equal(0.5, teen.RetentionD1, 12);
        Assert.Equal(0.5, teen.RetentionD7, 12);
        Assert.Equal(50.0 / 150, teen.CompletionRate, 12);
        // Entropy (1.0 + 2.0 + 0.5) / 3 sessions
        Assert.Equal(3.5 / 3, teen.TopicEntropy, 12);

        var adult = rows.Single(r => r.Dimension == "account" && r.Segment == "adult");
        Assert.Equal(0, adult.EverActive);
        Assert.True(double.IsNaN(adult.MinutesPerDau));
    }

    [Theory]
    [InlineData(13, "13")]
    [InlineData(14, "14-15")]
    [InlineData(17, "16-17")]
    [InlineData(18, "18-24")]
    [InlineData(34, "25-34")]
    [InlineData(54, "45-54")]
    [InlineData(55, "55+")]
    [InlineData(90, "55+")]
    public void Should_PutAgeInItsBand(int age, string band)
    {
        Assert.Equal(band, SegmentMetrics.AgeBands[SegmentMetrics.AgeBand(age)]);
    }

    [Fact]
    public void Should_SplitUsersByAgeBand_When_OnlySomeAreThirteen()
    {
        // Given a 13-year-old who watched 40 minutes on one day and a 16-year-old who watched 90
        var users = new UserTable(2, topics: 4, feedCapacity: 8);
        users.Persona.Age[0] = 13;
        users.Persona.Age[1] = 16;
        for (var u = 0; u < 2; u++)
        {
            users.Persona.IsTeen[u] = true;
            users.Activity.FirstActiveDay[u] = 0;
            users.Activity.ActiveDays[u] = 1UL;
            users.Activity.ActiveDayCount[u] = 1;
            users.Lifetime.Sessions[u] = 1;
        }

        users.Lifetime.WatchMs[0] = 40 * 60_000;
        users.Lifetime.WatchMs[1] = 90 * 60_000;

        var rows = SegmentMetrics.Compute(users, completeDays: 5);

        // Then the age dimension separates them (empty bands get no row) while the teen account pools them
        var ages = rows.Where(r => r.Dimension == "age").ToList();
        Assert.Equal(["13", "16-17"], ages.Select(r => r.Segment));
        Assert.Equal(40.0, ages.Single(r => r.Segment == "13").MinutesPerDau, 12);
        Assert.Equal(90.0, ages.Single(r => r.Segment == "16-17").MinutesPerDau, 12);
        Assert.Equal(65.0, rows.Single(r => r.Dimension == "account" && r.Segment == "teen").MinutesPerDau, 12);
    }

    [Fact]
    public void Should_SplitByFeed_When_SomeUsersSwitchedPersonalisationOff()
    {
        var users = new UserTable(3, topics: 4, feedCapacity: 8);
        for (var u = 0; u < 3; u++)
        {
            users.Activity.FirstActiveDay[u] = 0;
            users.Activity.ActiveDayCount[u] = 1;
            users.Lifetime.Sessions[u] = 1;
            users.Lifetime.WatchMs[u] = (u + 1) * 60_000;
        }

        Assert.DoesNotContain(SegmentMetrics.Compute(users, completeDays: 2), r => r.Dimension == "feed");

        users.Policy.NonPersonalizedFeed[2] = true;
        var rows = SegmentMetrics.Compute(users, completeDays: 2);
        var personalized = rows.Single(r => r.Dimension == "feed" && r.Segment == "personalized");
        var popular = rows.Single(r => r.Dimension == "feed" && r.Segment == "non_personalized");
        Assert.Equal((2, 1), (personalized.Users, popular.Users));
        Assert.Equal(1.5, personalized.MinutesPerDau, 9);
        Assert.Equal(3.0, popular.MinutesPerDau, 9);
    }
}
