using Recommender.Abstractions;
using Simulator.Engine.Loop;
using Simulator.Engine.Parallel;
using Simulator.Engine.Random;
using Simulator.Engine.Time;
using Simulator.World.Behaviour;
using Simulator.World.Policies;
using Simulator.World.Population;
using Simulator.World.Randomness;

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
        var budget = users.Session.Budget[u] + step;
        var rng = new RandomCursor(seed, (ulong)u, StreamIds.Behaviour, users.Draws.Behaviour[u]);
        var feed = users.Session.Feed(u);
        var contexts = users.Session.FeedContexts(u);
        var topicCounts = users.Session.TopicCounts(u);
        ref var totals = ref output.Totals;
        var ended = false;
        var reason = SessionEndReason.Satisfied;
        long now = tickStart;
        while (budget > 0)
        {
            now = tickStart + (long)(step - budget);
            if (users.Session.FeedPos[u] >= users.Session.FeedLen[u])
            {
                var hour = LocalClock.HourOf(now, users.Persona.UtcOffsetMinutes[u]);
                var request = new RecommendationRequest(u, now, hour, users.Viewer.SessionItems[u]);
                var clock = world.Clock;
                var started = clock?.Now() ?? 0;
                var n = world.Recommender.Recommend(request, feed, contexts);
                output.RecommendTicks += clock is null ? 0 : clock.Now() - started;
                output.Requests++;
                output.SlotsServed += n;
                users.Session.FeedLen[u] = (byte)n;
                users.Session.FeedPos[u] = 0;
                world.Campaigns?.FillAdSlots(users, u, feed[..n], users.Viewer.SessionItems[u], _time.Day, world.Recommender);
                if (n == 0)
                {
                    ended = true;
                    reason = world.Recommender.EndsWhenCaughtUp(u) ? SessionEndReason.CaughtUp : SessionEndReason.EmptyFeed;
                    break;
                }
            }

            var v = feed[users.Session.FeedPos[u]];
            var context = contexts[users.Session.FeedPos[u]++];
            var view = content.View(v);
            if (RecentTopicRing.RepeatsOfLastTwo(users.Viewer.RecentTopics[u], view.Topic) > 0)
            {
                totals.RepeatTopicImpressions++;
                users.Lifetime.RepeatImpressions[u]++;
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
            if (v >= 0)
            {
                // The view-age distribution (share of views in a video's first day and week).
                var age = now - view.UploadSecond;
                totals.OrganicImpressions++;
                totals.FirstDayImpressions += age < 86_400 ? 1 : 0;
                totals.FirstWeekImpressions += age < 7 * 86_400 ? 1 : 0;
            }

            ref var topicCount = ref topicCounts[view.Topic];
            if (topicCount < byte.MaxValue)
            {
                topicCount++;
            }
            users.Lifetime.Impressions[u]++;
            users.Lifetime.WatchMs[u] += ms;
            var r = outcome.Reactions;
            if ((r & Reactions.Finished) != 0)
            {
                totals.Completions++;
                users.Lifetime.Completions[u]++;
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

        users.Session.Budget[u] = ended ? 0 : budget;
        users.Draws.Behaviour[u] = rng.Counter;
        if (ended)
        {
            EndSession(u, now, reason, output);
        }
    }

    private void EndSession(int u, long now, SessionEndReason reason, ChunkOutput output)
    {
        var users = world.Users;
        users.Session.InSession[u] = false;
        ref var totals = ref output.Totals;
        totals.SessionsEnded++;
        totals.EndedSessionMs += (long)(users.Viewer.SessionSeconds[u] * 1000f);
        var counts = users.Session.TopicCounts(u);
        if (TopicEntropy.Bits(counts) is { } bits)
        {
            var milli = (int)Math.Round(bits * 1000.0);
            totals.SessionEntropyMilli += milli;
            totals.SessionsWithImpressions++;
            users.Lifetime.EntropyMilli[u] += milli;
            users.Lifetime.EntropySessions[u]++;
        }

        // The counts are cleared when the session slot is next handed out (SessionColumns.AcquireSlot).
        if (reason == SessionEndReason.Fatigue)
        {
            totals.FatigueExits++;
            users.Lifetime.FatigueExits[u]++;
        }
        else if (reason == SessionEndReason.EmptyFeed)
        {
            totals.EmptyFeedExits++;
        }
        else if (reason == SessionEndReason.CaughtUp)
        {
            totals.CaughtUpExits++;
        }
        else
        {
            UserPolicies.CountExit(reason, ref totals);
        }

        world.Return.EndSession(users, u, now);
        var rng = new RandomCursor(world.Settings.Seed, (ulong)u, StreamIds.Return, users.Draws.Return[u]);
        var next = world.Return.NextStart(users, u, now, world.HorizonSecond, ref rng);
        users.Draws.Return[u] = rng.Counter;
        output.AddEnded(u, next == ReturnModel.Beyond ? long.MaxValue : world.TickOf(next));
    }
}
