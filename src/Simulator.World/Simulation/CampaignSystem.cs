using Simulator.Engine.Loop;
using Simulator.Engine.Time;

namespace Simulator.World.Simulation;

/// <summary>
/// Before sessions each tick: starts campaigns, decides which serve ad slots (dates, live
/// windows, budget and pacing), and snapshots follower counts when the reported days begin.
/// </summary>
internal sealed class CampaignSystem(WorldState world) : ISimSystem
{
    public SimPhase Phase => SimPhase.Schedule;

    public int UpdateOrder => -500;

    public void Update(in SimTime time)
    {
        if (time.Tick == 0)
        {
            var creators = world.Content.Creators;
            for (var c = 0; c < creators.Count; c++)
            {
                creators.FollowersAtStart[c] = world.Recommender.Followers(c);
            }
        }

        world.Campaigns?.Tick(time.TotalSeconds, time.Day, time.SecondOfDay < time.StepSeconds, world.Content, world.Users, world.Recommender);
    }
}
