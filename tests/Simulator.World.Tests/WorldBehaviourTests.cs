using Simulator.World.Simulation;

namespace Simulator.World.Tests;

public sealed class WorldBehaviourTests
{
    [Fact]
    public void Should_ReportPlausibleActivity_When_DefaultWorldRuns()
    {
        var days = WorldFixtures.Run(WorldFixtures.Small(users: 4000, days: 3));

        Assert.Equal(3, days.Count);
        foreach (var d in days)
        {
            // Somebody used the app, nobody more than once a day in DAU, MAU covers DAU
            Assert.InRange(d.Dau, 1, 4000);
            Assert.InRange(d.Mau, d.Dau, 4000);
            Assert.True(d.SessionsStarted >= d.Dau);
            Assert.True(d.Impressions > d.SessionsStarted);
            Assert.True(d.Completions <= d.Impressions);
            Assert.True(d.Uploads > 0);
        }
    }

    [Fact]
    public void Should_CountOnlyReportedDaysInUsersLifetimeTotals_When_TheRunHasAWarmUp()
    {
        // Given a world with a warm-up day before its reported day
        using var world = new SimulationWorld(WorldFixtures.Small(users: 2000, days: 1, warmupDays: 1));
        var collector = new WorldFixtures.Collector();
        world.AddObserver(collector);

        // When it runs to the end
        world.Loop.RunUntil(world.EndTick);

        // Then each user's lifetime totals add up to the reported days' totals: nothing of the warm-up is left in them
        var users = world.Users;
        Assert.Equal(collector.Days.Sum(d => d.WatchMs), users.Lifetime.WatchMs.Sum());
        Assert.Equal(collector.Days.Sum(d => d.Impressions), users.Lifetime.Impressions.Sum(x => (long)x));
        Assert.Equal(collector.Days.Sum(d => d.SessionsWithImpressions), users.Lifetime.EntropySessions.Sum(x => (long)x));
        Assert.Equal(collector.Days.Sum(d => d.SessionEntropyMilli), users.Lifetime.EntropyMilli.Sum(x => (long)x));
        Assert.Equal(collector.Days.Sum(d => d.FatigueExits), users.Lifetime.FatigueExits.Sum(x => (long)x));
        Assert.Equal(collector.Days.Sum(d => d.RepeatTopicImpressions), users.Lifetime.RepeatImpressions.Sum(x => (long)x));
    }

    [Fact]
    public void Should_CountRetentionFromActivityBitmaps_When_UsersReturn()
    {
        using var world = new SimulationWorld(WorldFixtures.Small(users: 2000, days: 3));
        world.Loop.RunUntil(world.EndTick);

        var d1 = world.Retention(1, 2);
        Assert.InRange(d1, 0.0, 1.0);

        // Cross-check against a direct count over the install cohorts' bitmaps
        var users = world.Users;
        long cohort = 0, back = 0;
        for (var u = 0; u < users.Count; u++)
        {
            if (users.Persona.InstallSecond[u] >= 0 && users.Activity.FirstActiveDay[u] is >= 0 and <= 1)
            {
                cohort++;
                back += (int)((users.Activity.ActiveDays[u] >> 1) & 1);
            }
        }

        Assert.Equal((double)back / cohort, d1, 12);
    }

    [Fact]
    public void Should_CostNothingPerTick_When_UsersAreAsleep()
    {
        using var world = new SimulationWorld(WorldFixtures.Small(users: 20000, days: 1));
        world.Loop.RunUntil(180);

        // At 03:00 UTC most users sleep in the wheel; only those in a session are processed.
        Assert.True(world.Sleeping > 10 * world.ActiveSessions, $"sleeping {world.Sleeping}, active {world.ActiveSessions}");
        Assert.True(world.Sleeping + world.ActiveSessions <= world.Users.Count);
    }

    [Fact]
    public void Should_HoldASessionSlotExactlyWhileInSession_When_SessionsStartAndEnd()
    {
        // Given a small world of heavy users (all core, clustered sessions), so that the session
        // pool's first size (1/64 of the users) is below the day's peak concurrency
        var settings = WorldFixtures.Small(users: 3000, days: 2);
        using var world = new SimulationWorld(settings with
        {
            Population = settings.Population with { BaseMix = new() { ["core"] = 1.0 } },
            Behaviour = new Behaviour.BehaviourOptions { Return = new Behaviour.ReturnOptions { Clustering = 0.85 } },
        });
        var users = world.Users;
        var initial = users.Session.SlotCapacity;
        var peak = 0;
        for (var tick = 1; tick <= world.EndTick; tick++)
        {
            // When a tick passes
            world.Loop.RunUntil(tick);

            // Then after every tick's feedback, the users holding a slot are exactly those in session, each with its own
            var held = new HashSet<int>();
            var inSession = 0;
            for (var u = 0; u < users.Count; u++)
            {
                Assert.Equal(users.Session.InSession[u], users.Session.Slot[u] >= 0);
                if (users.Session.Slot[u] >= 0)
                {
                    Assert.True(held.Add(users.Session.Slot[u]), $"slot {users.Session.Slot[u]} held twice");
                    Assert.InRange(users.Session.Slot[u], 0, users.Session.SlotCapacity - 1);
                    inSession++;
                }
            }

            peak = Math.Max(peak, inSession);
        }

        // and the pool grew past its first size, by doubling, only about as far as concurrency needed
        // (slots taken at a tick's start are counted here only after its feedback, hence the slack)
        Assert.True(peak > initial, $"peak concurrency {peak} never passed the initial pool of {initial}: the growth path is untested");
        Assert.InRange(users.Session.SlotCapacity, peak, 4 * peak);
    }
}
