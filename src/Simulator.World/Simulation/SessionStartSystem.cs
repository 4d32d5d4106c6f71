using Simulator.Engine.Loop;
using Simulator.Engine.Time;

namespace Simulator.World.Simulation;

/// <summary>Wakes the users whose next session starts this tick and counts them as active today.</summary>
internal sealed class SessionStartSystem(WorldState world) : ISimSystem
{
    private readonly List<int> _due = new(1024);

    public SimPhase Phase => SimPhase.Schedule;

    public int UpdateOrder => 0;

    public void Update(in SimTime time)
    {
        _due.Clear();
        world.Wheel.Drain(time.Tick, _due);
        var users = world.Users;
        var day = time.Day;
        for (var i = 0; i < _due.Count; i++)
        {
            var u = _due[i];
            if (users.InSession[u])
            {
                continue;
            }

            users.InSession[u] = true;
            users.AcquireSessionSlot(u);
            users.SessionSeconds[u] = 0;
            users.SessionItems[u] = 0;
            users.SessionUtility[u] = 0;
            users.Fatigue[u] = 0;
            users.Budget[u] = 0;
            users.FeedPos[u] = 0;
            users.FeedLen[u] = 0;
            users.RecentTopics[u] = -1;
            world.Today.SessionsStarted++;
            users.TotalSessions[u]++;
            if (users.LastActiveDay[u] != day)
            {
                users.LastActiveDay[u] = day;
                world.Today.Dau++;
                if (day < 0)
                {
                    // Warm-up: counts towards MAU later, but no cohort or lifetime bookkeeping.
                    world.AddActive(u);
                    continue;
                }

                users.ActiveDayCount[u]++;
                if (users.FirstActiveDay[u] < 0)
                {
                    users.FirstActiveDay[u] = day;
                    world.Today.NewUsers++;
                }

                var offset = day - users.FirstActiveDay[u];
                if (offset < 64)
                {
                    users.ActiveDays[u] |= 1UL << offset;
                }
            }

            world.AddActive(u);
        }
    }
}
