using Simulator.Engine.Loop;
using Simulator.Engine.Time;

namespace Simulator.World.Simulation;

/// <summary>
/// At the last tick of each simulated day: counts monthly actives (trailing 30 days, truncated
/// at the start of the run), hands the day's totals to observers and starts a new day.
/// Runs in the update phase, not in Observe, because results depend on it.
/// </summary>
internal sealed class DayRollupSystem(WorldState world, IReadOnlyList<IWorldObserver> observers) : ISimSystem
{
    public SimPhase Phase => SimPhase.Train;

    public int UpdateOrder => 1000;

    public void Update(in SimTime time)
    {
        if (!time.IsLastTickOfDay)
        {
            return;
        }

        var day = time.Day;
        var last = world.Users.Activity.LastActiveDay;
        var since = day - 29;
        var mau = 0;
        var accounts = 0;
        var installs = world.Users.Persona.InstallSecond;
        var dayEnd = (day + 1) * 86_400L;
        for (var u = 0; u < last.Length; u++)
        {
            if (last[u] >= since)
            {
                mau++;
            }

            if (installs[u] < dayEnd)
            {
                accounts++;
            }
        }

        world.Today.Day = day;
        world.Today.Mau = mau;
        world.Today.Accounts = accounts;
        world.Today.FollowEdges = world.Recommender.FollowEdges;
        world.Today.PersonalFollowEdges = world.Recommender.PersonalFollowEdges;
        // Warm-up days (before day 0) build history but are not reported.
        for (var i = 0; i < observers.Count && day >= 0; i++)
        {
            observers[i].OnDayEnd(world.Today);
        }

        world.Today = default;
    }
}
