using Simulator.Engine.Loop;
using Simulator.Engine.Time;
using Simulator.World.Behaviour;

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
            if (users.Session.InSession[u])
            {
                continue;
            }

            users.Session.InSession[u] = true;
            users.Session.AcquireSlot(u);
            users.Session.Budget[u] = 0;
            users.Session.FeedPos[u] = 0;
            users.Session.FeedLen[u] = 0;
            BehaviourModel.StartSession(users.Viewer, u);
            world.Today.SessionsStarted++;
            users.Lifetime.Sessions[u]++;
            if (users.Activity.LastActiveDay[u] != day)
            {
                users.Activity.LastActiveDay[u] = day;
                world.Today.Dau++;
                if (day < 0)
                {
                    // Warm-up: counts towards MAU later, but no cohort or lifetime bookkeeping.
                    world.AddActive(u);
                    continue;
                }

                users.Activity.ActiveDayCount[u]++;
                if (users.Activity.FirstActiveDay[u] < 0)
                {
                    users.Activity.FirstActiveDay[u] = day;
                    world.Today.NewUsers++;
                }

                var offset = day - users.Activity.FirstActiveDay[u];
                if (offset < 64)
                {
                    users.Activity.ActiveDays[u] |= 1UL << offset;
                }
            }

            world.AddActive(u);
        }
    }
}
