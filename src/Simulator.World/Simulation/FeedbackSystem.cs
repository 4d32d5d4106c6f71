using Simulator.Engine.Loop;
using Simulator.Engine.Time;
using Simulator.World.Behaviour;

namespace Simulator.World.Simulation;

/// <summary>
/// Applies the chunks' outputs in chunk order: impressions to the recommender's log, counts to
/// today's totals, ended sessions to the timing wheel (their session slots back to the pool); then
/// drops ended users from the active list.
/// </summary>
internal sealed class FeedbackSystem(WorldState world) : ISimSystem
{
    public SimPhase Phase => SimPhase.Feedback;

    public int UpdateOrder => 0;

    public void Update(in SimTime time)
    {
        var chunks = world.Scheduler.ChunkCount(world.ActiveCount);
        var endTick = world.Settings.EndTick;
        for (var c = 0; c < chunks; c++)
        {
            var output = world.Outputs[c];
            world.RecommendTicks += output.RecommendTicks;
            world.Requests += output.Requests;
            world.SlotsServed += output.SlotsServed;
            var impressions = output.Impressions;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var measured = time.Tick >= 0;
            var creators = world.Content.Creators;
            var content = world.Content;
            var day = time.Day;
            for (var i = 0; i < impressions.Length; i++)
            {
                var video = impressions[i].VideoId;
                var creator = content.CreatorOf(video);
                creators.LastSeenDay[creator] = day;
                creators.LifetimeImpressions[creator]++;
                // Slot videos (paid placements, subscriber drops; negative ids) are the ad system's, not the ranker's.
                if (video >= 0)
                {
                    world.Recommender.Record(impressions[i]);
                }

                if (measured)
                {
                    creators.MeasuredImpressions[creator]++;
                    if (creators.DebutedAtOrAfter(creator, 0))
                    {
                        output.Totals.NewCreatorImpressions++;
                    }
                }

                if (video >= 0 && (impressions[i].Reactions & Recommender.Abstractions.Reactions.Liked) != 0)
                {
                    content.Videos.AddLike(video);
                }
            }

            world.RecommenderBatchTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
            for (var s = 0; s < world.Sinks.Count && measured; s++)
            {
                world.Sinks[s].OnImpressions(time.Day, impressions);
            }

            world.Campaigns?.Merge(output.CampaignCounts);
            world.Today.Add(output.Totals);
            world.TotalImpressions += output.Totals.Impressions;
            var ended = output.EndedUsers;
            var next = output.EndedNextTick;
            for (var i = 0; i < ended.Length; i++)
            {
                // The session's slate and counts are done with: the slot goes back to the pool, in chunk order.
                world.Users.ReleaseSessionSlot(ended[i]);
                if (next[i] == ReturnModel.Never)
                {
                    world.Churned++;
                }
                else if (next[i] < endTick)
                {
                    world.Wheel.Schedule(ended[i], Math.Max(next[i], time.Tick + 1));
                }
            }
        }

        world.Campaigns?.EndTick();

        // Stable compaction keeps the survivors' order.
        var active = world.Active;
        var users = world.Users;
        var kept = 0;
        for (var i = 0; i < world.ActiveCount; i++)
        {
            var u = active[i];
            if (users.InSession[u])
            {
                active[kept++] = u;
            }
        }

        world.ActiveCount = kept;
    }
}
