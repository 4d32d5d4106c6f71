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
            if (users.InstallSecond[u] >= 0 && users.FirstActiveDay[u] is >= 0 and <= 1)
            {
                cohort++;
                back += (int)((users.ActiveDays[u] >> 1) & 1);
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
}
