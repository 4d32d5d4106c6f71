using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// The last stage: a greedy re-ranker that fills the slate slot by slot with hard rules (no same
/// creator or sound back to back, a per-slate topic cap), MMR diversity, a fatigue penalty on
/// topics served to the user lately, and exploration slots whose propensities are logged.
/// </summary>
internal sealed class Reranker(PlatformState state, RecommenderOptions options)
{
    private const int RecentWindow = 20;

    /// <summary>Fills <paramref name="slate"/> and each slot's serving context; returns how many slots were filled.</summary>
    public int Rerank(RankScratch s, in RecommendationRequest request, int ranked, int total, Span<int> slate, Span<ServeContext> contexts)
    {
        var user = request.UserId;
        Span<byte> recent = stackalloc byte[state.Users.TopicSlots];
        state.Served.RecentTopics(user, RecentWindow, state.Catalog, recent);
        Span<byte> inSlate = stackalloc byte[state.Users.TopicSlots];
        inSlate.Clear();
        double scale = 0;
        for (var r = 0; r < ranked; r++)
        {
            scale += Math.Abs(s.Value[r]);
            s.Used[r] = false;
            s.RankedCreator[r] = state.Catalog.Creator(s.Candidates[s.Ranked[r]]);
            s.SlateCreatorCount[r] = 0;
        }

        scale = ranked > 0 ? scale / ranked : 1;
        var exploreCount = 0;
        for (var i = 0; i < total; i++)
        {
            exploreCount += s.Explore[i] ? 1 : 0;
        }

        int prevCreator = -1, prevSound = -1, filled = 0;
        for (var slot = 0; slot < slate.Length; slot++)
        {
            var bits = StableHash.Hash(state.Seed, (ulong)user, (ulong)request.NowSecond, 400UL + (ulong)slot);
            int video;
            float propensity;
            if (exploreCount > 0 && StableHash.Unit(bits) < options.ExplorationRate && TryExplore(s, total, bits, out video))
            {
                propensity = (float)(options.ExplorationRate / exploreCount);
            }
            else
            {
                var best = -1;
                var bestScore = double.NegativeInfinity;
                for (var r = 0; r < ranked; r++)
                {
                    if (s.Used[r])
                    {
                        continue;
                    }

                    var v = s.Candidates[s.Ranked[r]];
                    var topic = state.Users.Slot(state.Catalog.Topic(v));
                    var creator = state.Catalog.Creator(v);
                    if (creator == prevCreator || state.Catalog.Sound(v) == prevSound || inSlate[topic] >= options.TopicCapPerSlate)
                    {
                        continue;
                    }

                    // MMR similarity to the videos already chosen, in crowding form: half a unit per
                    // chosen video of the same topic and per chosen video of the same creator (the
                    // back-to-back rule above only keeps a creator out of the very next slot).
                    var similarity = 0.5 * inSlate[topic] + 0.5 * s.SlateCreatorCount[r];
                    var adjusted = s.Value[r] - scale * (options.DiversityWeight * similarity + options.FatiguePenalty * recent[topic]);
                    if (adjusted > bestScore)
                    {
                        bestScore = adjusted;
                        best = r;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                s.Used[best] = true;
                video = s.Candidates[s.Ranked[best]];
                propensity = (float)(1 - options.ExplorationRate);
            }

            slate[filled++] = video;
            inSlate[state.Users.Slot(state.Catalog.Topic(video))]++;
            prevCreator = state.Catalog.Creator(video);
            for (var r = 0; r < ranked; r++)
            {
                s.SlateCreatorCount[r] += s.RankedCreator[r] == prevCreator ? 1 : 0;
            }

            prevSound = state.Catalog.Sound(video);
            state.Served.Add(user, video);
            contexts[filled - 1] = ServeContext.Served(request.LocalHour, request.SessionPosition + slot, propensity);
        }

        return filled;
    }

    private static bool TryExplore(RankScratch s, int total, ulong bits, out int video)
    {
        var start = StableHash.Below(bits, total);
        for (var i = 0; i < total; i++)
        {
            var c = (start + i) % total;
            if (s.Explore[c])
            {
                s.Explore[c] = false;
                video = s.Candidates[c];
                return true;
            }
        }

        video = -1;
        return false;
    }
}
