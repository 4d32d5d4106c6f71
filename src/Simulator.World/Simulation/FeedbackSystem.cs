using Simulator.Engine.Loop;
using Simulator.Engine.Parallel;
using Simulator.Engine.Time;

namespace Simulator.World.Simulation;

/// <summary>
/// Applies the chunks' outputs in chunk order, in two parts that touch disjoint state and so run
/// side by side: the recommender records every impression (its log, counters, signals,
/// embeddings, follows), while the world books the same impressions (creator counts, likes,
/// impression sinks), merges the chunks' totals and campaign counts, and returns ended sessions
/// to the timing wheel (their session slots to the pool). Then drops ended users from the active list.
/// </summary>
internal sealed class FeedbackSystem(WorldState world) : ISimSystem, IChunkWork
{
    private const int RecommenderPart = 0;
    private const int WorldPart = 1;

    private SimTime _time;
    private int _chunks;

    public SimPhase Phase => SimPhase.Feedback;

    public int UpdateOrder => 0;

    public void Update(in SimTime time)
    {
        _time = time;
        _chunks = world.Scheduler.ChunkCount(world.ActiveCount);
        // Each part reads the chunk outputs and writes only its own side's state: the
        // recommender's platform state, or the world's. Neither reads what the other writes, so
        // one thread (part after part) and two (side by side) leave the same state.
        // Handing a part to the other thread costs tens of microseconds, more than the
        // bookkeeping of a quiet tick (10,000 users make about 500 impressions a tick).
        var impressions = 0;
        for (var c = 0; c < _chunks; c++)
        {
            impressions += world.Outputs[c].ImpressionCount;
        }

        if (impressions >= world.Settings.FeedbackSideBySideFrom)
        {
            world.Scheduler.RunParts(this, 2);
        }
        else
        {
            RecordImpressions();
            BookImpressions(time);
        }

        world.Campaigns?.EndTick();

        // Stable compaction keeps the survivors' order.
        var active = world.Active;
        var users = world.Users;
        var kept = 0;
        for (var i = 0; i < world.ActiveCount; i++)
        {
            var u = active[i];
            if (users.Session.InSession[u])
            {
                active[kept++] = u;
            }
        }

        world.ActiveCount = kept;
    }

    public void Execute(int chunk, int start, int end)
    {
        if (chunk == RecommenderPart)
        {
            RecordImpressions();
        }
        else if (chunk == WorldPart)
        {
            BookImpressions(_time);
        }
    }

    private void RecordImpressions()
    {
        var clock = world.Clock;
        var started = clock?.Now() ?? 0;
        var recommender = world.Recommender;
        for (var c = 0; c < _chunks; c++)
        {
            var impressions = world.Outputs[c].Impressions;
            for (var i = 0; i < impressions.Length; i++)
            {
                // Slot videos (paid placements, subscriber drops; negative ids) are the ad system's, not the ranker's.
                if (impressions[i].VideoId >= 0)
                {
                    recommender.Record(impressions[i]);
                }
            }
        }

        world.RecommenderBatchTicks += clock is null ? 0 : clock.Now() - started;
    }

    private void BookImpressions(in SimTime time)
    {
        var endTick = world.Settings.EndTick;
        var measured = time.Tick >= 0;
        var content = world.Content;
        var creators = content.Creators;
        var day = time.Day;
        for (var c = 0; c < _chunks; c++)
        {
            var output = world.Outputs[c];
            world.RecommendTicks += output.RecommendTicks;
            world.Requests += output.Requests;
            world.SlotsServed += output.SlotsServed;
            var impressions = output.Impressions;
            for (var i = 0; i < impressions.Length; i++)
            {
                var video = impressions[i].VideoId;
                var creator = content.CreatorOf(video);
                creators.LastSeenDay[creator] = day;
                creators.LifetimeImpressions[creator]++;
                if (measured)
                {
                    creators.MeasuredImpressions[creator]++;
                    if (creators.DebutedAtOrAfter(creator, 0))
                    {
                        output.Totals.NewCreatorImpressions++;
                    }
                }

                if (measured && video >= 0)
                {
                    world.Consumption.Watched(impressions[i].UserId, video);
                }

                if (video >= 0 && (impressions[i].Reactions & Recommender.Abstractions.Reactions.Liked) != 0)
                {
                    content.Videos.AddLike(video);
                }
            }

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
                world.Users.Session.ReleaseSlot(ended[i]);
                if (next[i] < endTick)
                {
                    world.Wheel.Schedule(ended[i], Math.Max(next[i], time.Tick + 1));
                }
            }
        }
    }
}
