using Simulator.World.Randomness;
using Recommender.Abstractions;
using Simulator.Engine.Loop;
using Simulator.Engine.Parallel;
using Simulator.Engine.Random;
using Simulator.Engine.Time;
using Simulator.World.Behaviour;
using Simulator.World.Policies;

namespace Simulator.World.Simulation;

/// <summary>
/// Every user in a session spends the tick's seconds watching: fetch a slate when the
/// prefetched one is used up, watch, react, maybe quit. Chunks run in parallel; each writes
/// only its users' rows and its own <see cref="ChunkOutput"/>.
/// </summary>
internal sealed class SessionSystem(WorldState world) : ISimSystem, IChunkWork
{
    private SimTime _time;

    public SimPhase Phase => SimPhase.Sessions;

    public int UpdateOrder => 0;

    public void Update(in SimTime time)
    {
        _time = time;
        var chunks = world.Scheduler.ChunkCount(world.ActiveCount);
        while (world.Outputs.Count < chunks)
        {
            world.Outputs.Add(new ChunkOutput { CampaignCounts = new long[world.Campaigns?.CounterLength ?? 0] });
        }

        world.Scheduler.Run(this, world.ActiveCount);
    }

    public void Execute(int chunk, int start, int end)
    {
        var output = world.Outputs[chunk];
        output.Reset();
        var active = world.Active;
        for (var i = start; i < end; i++)
        {
            RunUser(active[i], output);
        }
    }

    private void RunUser(int u, ChunkOutput output)
    {
        var users = world.Users;
        var content = world.Content;
        var seed = world.Settings.Seed;
        var step = _time.StepSeconds;
        var tickStart = _time.TotalSeconds;
        var budget = users.Budget[u] + step;
        var rng = new RandomCursor(seed, (ulong)u, StreamIds.Behaviour, users.BehaviourDraws[u]);
        var feed = users.Feed(u);
        var contexts = users.FeedContexts(u);
        var topicCounts = users.SessionTopicCounts(u);
        ref var totals = ref output.Totals;
        var ended = false;
        var reason = SessionEndReason.Satisfied;
        long now = tickStart;
        while (budget > 0)
        {
            now = tickStart + (long)(step - budget);
            if (users.FeedPos[u] >= users.FeedLen[u])
            {
                var local = (now + users.UtcOffsetMinutes[u] * 60L) % 86_400;
                var hour = (int)((local < 0 ? local + 86_400 : local) / 3600);
                var request = new RecommendationRequest(u, now, hour, users.SessionItems[u]);
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var n = world.Recommender.Recommend(request, feed, contexts);
                output.RecommendTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
                output.Requests++;
                output.SlotsServed += n;
                users.FeedLen[u] = (byte)n;
                users.FeedPos[u] = 0;
                world.Campaigns?.FillAdSlots(users, u, feed[..n], users.SessionItems[u], _time.Day, world.Recommender);
                if (n == 0)
                {
                    ended = true;
                    reason = SessionEndReason.EmptyFeed;
                    break;
                }
            }

            var v = feed[users.FeedPos[u]];
            var context = contexts[users.FeedPos[u]++];
            var view = content.View(v);
            var recent = users.RecentTopics[u];
            if ((recent & 0xFF) == view.Topic || ((recent >> 8) & 0xFF) == view.Topic)
            {
                totals.RepeatTopicImpressions++;
                users.TotalRepeatImpressions[u]++;
            }

            var campaigns = view.Campaign >= 0 ? world.Campaigns : null;
            var shift = campaigns?.UtilityShift(users, u, view, world.Recommender) ?? 0;
            var outcome = world.Behaviour.Watch(users, u, view, now, ref rng, shift);
            campaigns?.Apply(users, u, view, outcome, now, world.Recommender, output.CampaignCounts);
            budget -= outcome.WatchSeconds;
            output.AddImpression(new ImpressionFeedback(u, v, now + (long)outcome.WatchSeconds, outcome.WatchSeconds, outcome.Reactions, context));
            var ms = (long)(outcome.WatchSeconds * 1000f);
            totals.Impressions++;
            totals.WatchMs += ms;
            totals.UtilityMilli += (long)(outcome.Utility * 1000f);
            totals.SatiationMilli += (long)(outcome.Satiation * 1000f);
            ref var topicCount = ref topicCounts[view.Topic];
            if (topicCount < byte.MaxValue)
            {
                topicCount++;
            }
            users.TotalImpressions[u]++;
            users.TotalWatchMs[u] += ms;
            var r = outcome.Reactions;
            if ((r & Reactions.Finished) != 0)
            {
                totals.Completions++;
                users.TotalCompletions[u]++;
                totals.CountCompletion(view.Length, true);
            }
            else
            {
                totals.CountCompletion(view.Length, false);
            }

            if ((r & Reactions.Liked) != 0) totals.Likes++;
            if ((r & Reactions.Commented) != 0) totals.Comments++;
            if ((r & Reactions.Shared) != 0) totals.Shares++;
            if ((r & Reactions.Followed) != 0) totals.Follows++;
            if ((r & Reactions.NotInterested) != 0) totals.NotInterested++;
            if (PolicyGate.ShouldEnd(users, u, now + (long)outcome.WatchSeconds, outcome.WatchSeconds, ref rng, ref totals, out var policyReason))
            {
                ended = true;
                reason = policyReason;
                now += (long)outcome.WatchSeconds;
                break;
            }

            if (outcome.Quit)
            {
                ended = true;
                reason = BehaviourModel.ReasonFor(users, u);
                now += (long)outcome.WatchSeconds;
                break;
            }
        }

        users.Budget[u] = ended ? 0 : budget;
        users.BehaviourDraws[u] = rng.Counter;
        if (ended)
        {
            EndSession(u, now, reason, output);
        }
    }

    private void EndSession(int u, long now, SessionEndReason reason, ChunkOutput output)
    {
        var users = world.Users;
        users.InSession[u] = false;
        ref var totals = ref output.Totals;
        totals.SessionsEnded++;
        totals.EndedSessionMs += (long)(users.SessionSeconds[u] * 1000f);
        var counts = users.SessionTopicCounts(u);
        if (TopicEntropy.Bits(counts) is { } bits)
        {
            var milli = (int)Math.Round(bits * 1000.0);
            totals.SessionEntropyMilli += milli;
            totals.SessionsWithImpressions++;
            users.TotalEntropyMilli[u] += milli;
            users.EntropySessions[u]++;
        }

        // The counts are cleared when the session slot is next handed out (UserTable.AcquireSessionSlot).
        switch (reason)
        {
            case SessionEndReason.Fatigue:
                totals.FatigueExits++;
                users.TotalFatigueExits[u]++;
                break;
            case SessionEndReason.EmptyFeed:
                totals.EmptyFeedExits++;
                break;
            case SessionEndReason.Limit:
                totals.LimitExits++;
                break;
            case SessionEndReason.Curfew:
                totals.CurfewExits++;
                break;
            default:
                break;
        }

        ReturnModel.UpdateHabit(users, u);
        var rng = new RandomCursor(world.Settings.Seed, (ulong)u, StreamIds.Return, users.ReturnDraws[u]);
        var next = world.Return.NextStart(users, u, now, ref rng);
        users.ReturnDraws[u] = rng.Counter;
        output.AddEnded(u, next == ReturnModel.Never ? ReturnModel.Never : world.TickOf(next));
    }
}
