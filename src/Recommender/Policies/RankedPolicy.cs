using Recommender.Abstractions;
using Recommender.Ranking;
using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// The full core (DESIGN.md §5): candidates from several sources, a cheap pre-ranking, full
/// ranking of the best few by the value formula Σ V_k·P_k + V_play·E[watch] over the trained
/// heads (heuristic estimates from the counters until the first model exists), and a greedy
/// re-ranker with hard rules (no same creator or sound back to back, a per-slate topic cap),
/// MMR diversity, a fatigue penalty on recently served topics and logged exploration slots.
/// </summary>
internal sealed class RankedPolicy(PlatformState state, RecommenderOptions options) : IFeedPolicy
{
    private const int TopicSources = 4;
    private const int PerTopic = 60;
    private const int Trending = 60;
    private const int PoolPicks = 12;
    private const int FreshPicks = 12;
    private const int ExplorePicks = 8;
    private const int RecentWindow = 20;

    // The heads the value formula weighs (every head but the valid view).
    private static readonly Head[] ValuedHeads = [Head.Finish, Head.Like, Head.Comment, Head.Share, Head.Follow, Head.NotInterested];

    private readonly ValueFormula value = new(options.Weights);

    /// <summary>The model serving now; replaced whole at a tick boundary.</summary>
    public RankingModel? Model { get; set; }

    public PopularityLists Popular { get; } = new(state, options);

    public StageProfile Profile { get; } = new();

    public int Recommend(in RecommendationRequest request, Span<int> slate, Span<ServeContext> contexts)
    {
        var s = RankScratch.For(state.Catalog.Capacity);
        var user = request.UserId;

        // The videos the user was served recently are marked as taken before gathering, so a
        // candidate is checked with one look-up instead of a scan of the served ring.
        state.Served.Mark(user, s.Mark, s.Stamp);
        var profile = Profile.Enabled;
        var t = profile ? StageProfile.Now() : 0;
        var n = Gather(s, user, request.NowSecond);
        if (profile) t = Profile.Lap(0, t);
        if (n == 0)
        {
            return 0;
        }

        var ranked = PreRank(s, user, n);
        if (profile) t = Profile.Lap(1, t);
        var featureTicks = Score(s, request, ranked, profile);
        if (profile)
        {
            // Feature time was measured inside Score; the rest of Score is the model heads.
            Profile.Add(2, featureTicks);
            t = Profile.Lap(3, t + featureTicks);
        }

        var filled = Rerank(s, request, ranked, n, slate, contexts);
        if (profile) Profile.Lap(4, t);
        return filled;
    }

    public void Refresh(long nowSecond) => Popular.Refresh();

    private int Gather(RankScratch s, int user, long now)
    {
        var n = 0;
        // 1. The user's strongest topics, from their own history: the best videos of each.
        Span<int> topics = stackalloc int[TopicSources];
        Span<float> history = stackalloc float[state.Users.TopicSlots];
        state.Users.TopicRow(user, history);
        var known = System.Numerics.Tensors.TensorPrimitives.Max(history) > 0f;
        TopTopics(history, topics);
        var pools = state.TopicPools;
        foreach (var t in known ? topics : default)
        {
            for (var slot = t; slot < pools.Length; slot += state.Users.TopicSlots)
            {
                var ids = pools[slot].Ids;
                for (var i = 0; i < Math.Min(PerTopic, ids.Length); i++)
                {
                    Add(s, ids[i], false, ref n);
                }
            }
        }

        // 2. New videos from followed creators.
        foreach (var c in state.Follows.Followed(user))
        {
            if (c >= 0)
            {
                foreach (var v in state.Follows.Recent(c))
                {
                    if (v >= 0)
                    {
                        Add(s, v, false, ref n);
                    }
                }
            }
        }

        // 3. Trending in the user's country and platform-wide.
        var local = Popular.Local(state.Accounts.Region(user));
        for (var i = 0; i < Math.Min(Trending, local.Length); i++)
        {
            Add(s, local[i], false, ref n);
        }

        var global = Popular.Global;
        for (var i = 0; i < Math.Min(Trending / 2, global.Length); i++)
        {
            Add(s, global[i], false, ref n);
        }

        // 4. The traffic pool's new videos, 5. fresh uploads, 6. out-of-interest exploration.
        for (var i = 0; i < PoolPicks && options.TrafficPool; i++)
        {
            var v = state.Pool.Pick(StableHash.Hash(state.Seed, (ulong)user, (ulong)now, 100UL + (ulong)i), state.Videos);
            if (v >= 0)
            {
                Add(s, v, false, ref n);
            }
        }

        for (var i = 0; i < FreshPicks; i++)
        {
            var v = state.PickFresh(user, StableHash.Hash(state.Seed, (ulong)user, (ulong)now, 200UL + (ulong)i), default);
            if (v >= 0)
            {
                Add(s, v, false, ref n);
            }
        }

        for (var i = 0; i < ExplorePicks; i++)
        {
            var v = state.PickAny(user, StableHash.Hash(state.Seed, (ulong)user, (ulong)now, 300UL + (ulong)i), default);
            if (v >= 0)
            {
                Add(s, v, true, ref n);
            }
        }

        return n;
    }

    private static void Add(RankScratch s, int video, bool explore, ref int n)
    {
        if (n == RankScratch.MaxCandidates || s.Mark[video] == s.Stamp)
        {
            return;
        }

        s.Mark[video] = s.Stamp;
        s.Candidates[n] = video;
        s.Explore[n] = explore;
        n++;
    }

    // Cheap score for every candidate: embedding (or, for new videos, hashtag) affinity, topic history and decayed popularity.
    private int PreRank(RankScratch s, int user, int n)
    {
        var popularity = state.Counters.LogValue; // log(1 + max(0, value))
        for (var i = 0; i < n; i++)
        {
            var v = s.Candidates[i];
            s.PreScore[i] = state.Embeddings.Score(user, v, state.Catalog.Hashtags(v))
                + 1.5f * state.Users.TopicAffinity(user, state.Catalog.Topic(v))
                + 0.3f * popularity[v];
        }

        // The best k non-exploration candidates, best first, ties to the earlier candidate: an
        // insertion into a sorted buffer of k, where most candidates fail one comparison with
        // the worst kept, instead of k passes over all n.
        var k = Math.Min(options.RankedCandidates, n);
        var kept = 0;
        var ranked = s.Ranked;
        var score = s.PreScore;
        for (var i = 0; i < n; i++)
        {
            if (s.Explore[i])
            {
                continue;
            }

            var x = score[i];
            if (kept == k && !(x > score[ranked[kept - 1]]))
            {
                continue;
            }

            var pos = kept < k ? kept : kept - 1;
            while (pos > 0 && x > score[ranked[pos - 1]])
            {
                ranked[pos] = ranked[pos - 1];
                pos--;
            }

            ranked[pos] = i;
            kept = Math.Min(k, kept + 1);
        }

        return kept;
    }

    /// <returns>Stopwatch ticks spent computing features when <paramref name="profile"/> is on, else 0.</returns>
    private long Score(RankScratch s, in RecommendationRequest request, int ranked, bool profile)
    {
        var model = Model;
        const int stride = Features.Count;
        var started = profile ? StageProfile.Now() : 0;

        // With a model whose trees allow it, the heads read the features by columns (eight
        // candidates per vector), filled straight into that layout; else one row per candidate.
        var columnStride = (ranked + 7) / 8 * 8;
        var byColumns = model is { EvaluatesColumns: true };
        var rows = byColumns ? default : s.FeatureRows.AsSpan(0, ranked * stride);
        var columns = byColumns ? s.FeatureColumns.AsSpan(0, columnStride * stride) : default;
        if (byColumns)
        {
            var videos = s.RankedVideos.AsSpan(0, ranked);
            for (var r = 0; r < ranked; r++)
            {
                videos[r] = s.Candidates[s.Ranked[r]];
            }

            Features.FillColumns(state, request.UserId, videos, request.NowSecond, request.LocalHour, request.SessionPosition, columns, columnStride);
        }
        else
        {
            for (var r = 0; r < ranked; r++)
            {
                var v = s.Candidates[s.Ranked[r]];
                Features.Fill(state, request.UserId, v, request.NowSecond, request.LocalHour, request.SessionPosition, rows.Slice(r * stride, stride));
            }
        }

        var featureTicks = profile ? StageProfile.Now() - started : 0;
        if (model is not null)
        {
            // Each head over all candidates in one batch (the user's and the request's own
            // features are the same in every row, so their tests are made once), eight
            // candidates per vector where the trees allow the column layout; then
            // Σ V_k·P_k + V_play·E[watch] per candidate, summed in the same order as one
            // candidate at a time.
            var o = s.HeadOutputs;
            var batch = new FeatureBatch(rows, stride, columns, columnStride, Features.RequestShared);
            foreach (var head in ValuedHeads)
            {
                model.ProbabilityMany(head, batch, o[(int)head].AsSpan(0, ranked));
            }

            var watch = s.WatchOutputs;
            model.WatchScoresMany(batch, watch.AsSpan(0, ranked));
            for (var r = 0; r < ranked; r++)
            {
                var length = state.Catalog.Length(s.Candidates[s.Ranked[r]]);
                s.Value[r] = value.Predicted(o, r, model.ExpectedWatchSeconds(watch[r], length));
            }
        }
        else
        {
            for (var r = 0; r < ranked; r++)
            {
                // Before a model exists: the counters' rates, scaled by the user's topic history.
                var length = state.Catalog.Length(s.Candidates[s.Ranked[r]]);
                s.Value[r] = value.Heuristic(rows.Slice(r * stride, stride), length);
            }
        }

        return featureTicks;
    }

    private int Rerank(RankScratch s, in RecommendationRequest request, int ranked, int total, Span<int> slate, Span<ServeContext> contexts)
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

    private static void TopTopics(ReadOnlySpan<float> row, Span<int> top)
    {
        for (var k = 0; k < top.Length; k++)
        {
            var best = -1;
            for (var t = 0; t < row.Length; t++)
            {
                if (top[..k].Contains(t))
                {
                    continue;
                }

                if (best < 0 || row[t] > row[best])
                {
                    best = t;
                }
            }

            top[k] = best;
        }
    }
}
