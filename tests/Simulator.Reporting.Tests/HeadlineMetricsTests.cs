using Simulator.Reporting.Collection;
using Simulator.World.Simulation;

namespace Simulator.Reporting.Tests;

public sealed class HeadlineMetricsTests
{
    private static DailyTotals Day(int day, int dau, int mau, long sessions, long watchMinutes, long ended, long endedMinutes, long impressions, long completions, long likes, long fatigueExits, long repeats) => new()
    {
        Day = day,
        Dau = dau,
        Mau = mau,
        SessionsStarted = sessions,
        WatchMs = watchMinutes * 60_000,
        SessionsEnded = ended,
        EndedSessionMs = endedMinutes * 60_000,
        Impressions = impressions,
        Completions = completions,
        Likes = likes,
        FatigueExits = fatigueExits,
        RepeatTopicImpressions = repeats,
    };

    [Fact]
    public void Should_MatchHandComputedValues_When_GivenTwoDays()
    {
        // Given two days: DAU 10 and 30, MAU 20 and 40
        var days = new[]
        {
            Day(0, 10, 20, 40, 300, 40, 300, 1000, 500, 40, 10, 100),
            Day(1, 30, 40, 80, 900, 60, 700, 3000, 1300, 80, 30, 500),
        };

        var m = HeadlineMetrics.Compute(days, n => n == 1 ? 0.25 : double.NaN, churnRate: 0.1);

        // DAU/MAU: mean of 10/20 and 30/40 = 0.625
        Assert.Equal(0.625, m["stickiness.dau_mau"], 12);
        // Minutes per DAU: 1200 / 40
        Assert.Equal(30.0, m["stickiness.minutes_per_dau"], 12);
        // Sessions per DAU: 120 / 40
        Assert.Equal(3.0, m["stickiness.sessions_per_dau"], 12);
        // Session length: 1000 min over 100 ended sessions
        Assert.Equal(10.0, m["stickiness.session_minutes"], 12);
        Assert.Equal(0.25, m["stickiness.retention_d1"], 12);
        Assert.Equal(0.1, m["stickiness.churn_rate"], 12);
        Assert.Equal(600.0 / 4000, m["fatigue.repeat_topic_share"], 12);
        Assert.Equal(40.0 / 100, m["fatigue.boredom_exit_share"], 12);
        Assert.Equal(1800.0 / 4000, m["engagement.completion_rate"], 12);
        Assert.Equal(120.0 / 4000, m["engagement.like_rate"], 12);

        // D7 cannot be measured in a 2-day run and is left out, not reported as 0
        Assert.False(m.ContainsKey("stickiness.retention_d7"));
    }

    [Fact]
    public void Should_AverageDauMauOverFinalWeekOnly_When_RunIsLonger()
    {
        var days = Enumerable.Range(0, 10).Select(d => Day(d, d < 3 ? 100 : 10, 100, 1, 1, 1, 1, 1, 0, 0, 0, 0)).ToArray();
        var m = HeadlineMetrics.Compute(days, _ => double.NaN, double.NaN);
        Assert.Equal(0.1, m["stickiness.dau_mau"], 12);
    }
}
