using Simulator.Engine.Loop;
using Simulator.Engine.Time;

namespace Simulator.World.Simulation;

/// <summary>Creators upload during the tick; new videos join the catalogue for the next tick.</summary>
internal sealed class UploadSystem(WorldState world) : ISimSystem
{
    public SimPhase Phase => SimPhase.Creators;

    public int UpdateOrder => 0;

    public void Update(in SimTime time)
    {
        // Newcomers (content.new_creator_share) join the uploaders from their debut day's first tick.
        var creators = world.Content.Creators;
        if (time.Day >= creators.NextDebutDay)
        {
            creators.RebuildUploadRates(time.Day);
        }

        var videos = world.Content.Videos;
        var first = videos.Count;
        world.Today.Uploads += world.Content.UploadDuring(time.TotalSeconds, time.StepSeconds);
        for (var v = first; v < videos.Count; v++)
        {
            world.Today.FollowingUploads += world.Recommender.Followers(videos.Creator(v));
        }
    }
}
