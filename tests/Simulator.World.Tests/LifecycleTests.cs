using Simulator.World.Behaviour;
using Simulator.World.Population;
using Simulator.World.Simulation;

namespace Simulator.World.Tests;

public sealed class LifecycleTests
{
    private static (List<DailyTotals> Days, SimulationWorld World) Run(WorldSettings settings)
    {
        var world = new SimulationWorld(settings);
        var c = new WorldFixtures.Collector();
        world.AddObserver(c);
        world.Loop.RunUntil(world.EndTick);
        return (c.Days, world);
    }

    [Fact]
    public void Should_RetainFewerInstallsTheLongerAfterInstall_When_InstallsArriveOverTheRun()
    {
        // Given a world where half the users install over the first days of a nine-day run
        var settings = WorldFixtures.Small(users: 4000, days: 9) with
        {
            Population = new PopulationOptions { Size = 4000, InstallingShare = 0.5 },
        };
        var (days, world) = Run(settings);
        using var _ = world;

        // Then day-N retention of the install cohorts falls with N, as every install cohort's does
        var last = days.Count - 1;
        var d1 = world.Retention(1, last);
        var d3 = world.Retention(3, last);
        var d7 = world.Retention(7, last);
        Assert.True(d1 > d3 && d3 > d7, $"D1 {d1:F3}, D3 {d3:F3}, D7 {d7:F3}");
    }

    [Fact]
    public void Should_RetainMoreInstalls_When_TheInstallerMixHasMoreCoreUsers()
    {
        // Given the same world with installs mostly trial users, and mostly core users
        WorldSettings With(double trial, double core) => WorldFixtures.Small(users: 4000, days: 8) with
        {
            Population = new PopulationOptions
            {
                Size = 4000,
                InstallingShare = 0.5,
                InstallerMix = new() { ["trial"] = trial, ["casual"] = 1 - trial - core, ["core"] = core },
            },
        };
        var (tDays, tWorld) = Run(With(0.8, 0.05));
        var (cDays, cWorld) = Run(With(0.1, 0.6));
        using var a = tWorld;
        using var b = cWorld;

        // Then day-7 retention is higher for the core-heavy mix: the curve's level moves with the mix
        var trialD7 = tWorld.Retention(7, tDays.Count - 1);
        var coreD7 = cWorld.Retention(7, cDays.Count - 1);
        Assert.True(coreD7 > 1.5 * trialD7, $"D7 trial-heavy {trialD7:F3}, core-heavy {coreD7:F3}");
    }

    [Fact]
    public void Should_MoveSessionsPerActiveDayMoreThanActiveDays_When_ClusteringChanges()
    {
        // Given the same world with weak and with strong clustering of sessions within a day
        WorldSettings With(double clustering) => WorldFixtures.Small(users: 3000, days: 4) with
        {
            Behaviour = new BehaviourOptions { Return = new ReturnOptions { Clustering = clustering } },
        };
        var (weak, w1) = Run(With(0.2));
        var (strong, w2) = Run(With(0.8));
        w1.Dispose();
        w2.Dispose();

        // Then sessions per DAU rise several-fold more than DAU/MAU does
        static (double SessionsPerDau, double DauMau) Of(List<DailyTotals> d) =>
            (d.Sum(x => (double)x.SessionsStarted) / d.Sum(x => (double)x.Dau), d.Average(x => (double)x.Dau / x.Mau));
        var a = Of(weak);
        var b = Of(strong);
        var sessionsRatio = b.SessionsPerDau / a.SessionsPerDau;
        var dauMauRatio = b.DauMau / a.DauMau;
        Assert.True(sessionsRatio > 1.8, $"sessions/DAU {a.SessionsPerDau:F2} → {b.SessionsPerDau:F2}");
        Assert.True(Math.Abs(dauMauRatio - 1) < (sessionsRatio - 1) / 3, $"DAU/MAU {a.DauMau:F3} → {b.DauMau:F3}, sessions/DAU ×{sessionsRatio:F2}");
    }

    [Fact]
    public void Should_StartWithAFullMauWindow_When_TheBaseHasAPreHistory()
    {
        // Given a world of existing users only
        var settings = WorldFixtures.Small(users: 3000, days: 3) with { Population = new PopulationOptions { Size = 3000, InstallingShare = 0 } };
        var (days, world) = Run(settings);
        using var _ = world;

        // Then MAU on the first day already counts the users active in the 30 days before it, so
        // DAU/MAU does not start inflated and drift down as a truncated window fills
        Assert.True(days[0].Mau > 2 * days[0].Dau, $"day 0: DAU {days[0].Dau}, MAU {days[0].Mau}");
        Assert.InRange(days[^1].Mau / (double)days[0].Mau, 0.95, 1.05);
    }

    [Fact]
    public void Should_CountUsersWithoutARecentVisitAsChurned_When_TheRunIsLongerThanTheWindow()
    {
        // Given a run longer than a 3-day churn window
        var settings = WorldFixtures.Small(users: 2000, days: 7) with { Behaviour = new BehaviourOptions { ChurnAfterDays = 3 } };
        var (days, world) = Run(settings);
        using var _ = world;

        // Then the churn label is the share of early-active users with no visit in the last 3 days
        var last = days.Count - 1;
        var a = world.Users.Activity;
        var cohort = Enumerable.Range(0, a.Count).Where(u => a.FirstActiveDay[u] >= 0 && a.FirstActiveDay[u] <= last - 3).ToList();
        var expected = cohort.Count(u => a.LastActiveDay[u] <= last - 3) / (double)cohort.Count;
        Assert.Equal(expected, world.ChurnRate(last), 12);
        Assert.InRange(expected, 0.01, 0.99);
        Assert.True(double.IsNaN(world.ChurnRate(2)));
    }
}
