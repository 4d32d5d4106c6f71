using Recommender;
using Simulator.Engine.Loop;
using Simulator.Engine.Time;

namespace Simulator.World.Simulation;

/// <summary>
/// At tick 0, the end of the warm-up: clears the users' lifetime counters and the run's totals so
/// that reports cover the measured period only, and, for the <c>untrained</c> policy, makes the
/// platform forget its model and data (the buyer gets the app but not what it learned).
/// </summary>
internal sealed class WarmupEndSystem(WorldState world) : ISimSystem
{
    public SimPhase Phase => SimPhase.Schedule;

    public int UpdateOrder => -1000;

    public void Update(in SimTime time)
    {
        if (time.Tick != 0)
        {
            return;
        }

        world.Users.Lifetime.Clear();
        world.Today = default;
        world.TotalImpressions = 0;
        if (world.Settings.Recommender.Policy == FeedPolicyKind.Untrained)
        {
            world.Recommender.ForgetLearnedState();
        }
    }
}
