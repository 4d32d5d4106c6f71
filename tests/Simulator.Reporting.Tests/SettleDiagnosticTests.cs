using Simulator.Reporting.Results;
using Simulator.Reporting.Settle;
using Simulator.Scenarios.Model;
using Simulator.World.Simulation;

namespace Simulator.Reporting.Tests;

public sealed class SettleDiagnosticTests
{
    private static RunResult Run(params Func<int, int, DailyTotals>[] replications) => new()
    {
        Scenario = new Scenario { Name = "s" },
        Threads = 1,
        Scale = 1,
        PlannedReplications = replications.Length,
        Complete = true,
        WallSeconds = 0,
        Replications = [.. replications.Select((day, r) => new ReplicationResult
        {
            Index = r, Seed = 0, Users = 1000, Metrics = [], Segments = [], Impressions = 0, Complete = true, WallSeconds = 0,
            Days = [.. Enumerable.Range(0, 10).Select(d => day(r, d))],
        })],
    };

    private static DailyTotals Day(int d, double minutes, int dau = 300, int mau = 800, int sessions = 1200) =>
        new() { Day = d, Dau = dau, Mau = mau, SessionsStarted = sessions, WatchMs = (long)(minutes * dau * 60_000) };

    [Fact]
    public void Should_FlagAnUnsettledWorld_When_MinutesStillRamp()
    {
        // Given three replications whose minutes per DAU climb from 20 to about 40 over ten days
        var run = Run((r, d) => Day(d, 20 + (2 * d) + r), (r, d) => Day(d, 20 + (2 * d) + r), (r, d) => Day(d, 20 + (2 * d) + r));

        // When diagnosed
        var s = SettleDiagnostic.Of(run);

        // Then minutes per DAU drifts far beyond the tolerance and the run is not settled
        var minutes = s.Checks.Single(c => c.Metric == MetricKeys.MinutesPerDau);
        Assert.False(minutes.Settled);
        Assert.InRange(minutes.Drift, 0.6, 0.8);
        Assert.False(s.Settled);
        Assert.True(s.Checks.Single(c => c.Metric == MetricKeys.DauMau).Settled);
    }

    [Fact]
    public void Should_CallAFlatWorldSettled_When_TheSeriesOnlyWobble()
    {
        // Given replications whose minutes wobble ±1 around 40
        var run = Run((r, d) => Day(d, 40 + ((d + r) % 2 == 0 ? 1 : -1)), (r, d) => Day(d, 40 + ((d + r) % 2 == 0 ? -1 : 1)));

        // Then every series is settled
        var s = SettleDiagnostic.Of(run);
        Assert.True(s.Assessed);
        Assert.True(s.Settled);
        Assert.All(s.Checks, c => Assert.InRange(Math.Abs(c.Drift), 0, SettleDiagnostic.Tolerance));
    }

    [Fact]
    public void Should_NotAssess_When_TheRunIsShorterThanThreeDays()
    {
        var run = Run((r, d) => Day(d, 40)) with { };
        var short2 = run with { Replications = [run.Replications[0] with { Days = [.. run.Replications[0].Days.Take(2)] }] };
        var s = SettleDiagnostic.Of(short2);
        Assert.False(s.Assessed);
        Assert.False(s.Settled);
    }
}
