using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// The first stage of the ranked core: candidates from several sources (the user's strongest
/// topics, followed creators' new videos, local and global trending, the traffic pool, fresh
/// uploads and out-of-interest exploration), each video once and none served to the user lately.
/// </summary>
internal sealed class CandidateSources(PlatformState state, RecommenderOptions options, PopularityLists popular)
{
    private const int TopicSources = 4;
    private const int PerTopic = 60;
    private const int Trending = 60;
    private const int PoolPicks = 12;
    private const int FreshPicks = 12;
    private const int ExplorePicks = 8;

    /// <summary>
    /// Followed accounts' newest uploads per request: a share of the candidates like the topic and
    /// trending sources' (the graph capped at 16 follows gave about 20: 5 follows × 4 uploads).
    /// </summary>
    private const int FollowingPicks = 32;

    /// <summary>Gathers the candidates into the scratch; returns how many.</summary>
    public int Gather(RankScratch s, int user, long now)
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
                    Add(s, user, ids[i], false, ref n);
                }
            }
        }

        // 2. The newest unserved uploads of followed accounts.
        Span<int> following = stackalloc int[FollowingPicks];
        var m = FollowingInbox.Newest(state, state.Follows.Followed(user), user, following, new Unmarked(s, state.Served, user));
        for (var i = 0; i < m; i++)
        {
            Add(s, user, following[i], false, ref n);
        }

        // 3. Trending in the user's country and platform-wide.
        var local = popular.Local(state.Accounts.Region(user));
        for (var i = 0; i < Math.Min(Trending, local.Length); i++)
        {
            Add(s, user, local[i], false, ref n);
        }

        var global = popular.Global;
        for (var i = 0; i < Math.Min(Trending / 2, global.Length); i++)
        {
            Add(s, user, global[i], false, ref n);
        }

        // 4. The traffic pool's new videos, 5. fresh uploads, 6. out-of-interest exploration.
        for (var i = 0; i < PoolPicks && options.TrafficPool; i++)
        {
            var v = state.Pool.Pick(StableHash.Hash(state.Seed, (ulong)user, (ulong)now, 100UL + (ulong)i), state.Videos);
            if (v >= 0)
            {
                Add(s, user, v, false, ref n);
            }
        }

        for (var i = 0; i < FreshPicks; i++)
        {
            var v = state.PickFresh(user, StableHash.Hash(state.Seed, (ulong)user, (ulong)now, 200UL + (ulong)i), default);
            if (v >= 0)
            {
                Add(s, user, v, false, ref n);
            }
        }

        for (var i = 0; i < ExplorePicks; i++)
        {
            var v = state.PickAny(user, StableHash.Hash(state.Seed, (ulong)user, (ulong)now, 300UL + (ulong)i), default);
            if (v >= 0)
            {
                Add(s, user, v, true, ref n);
            }
        }

        return n;
    }

    private void Add(RankScratch s, int user, int video, bool explore, ref int n)
    {
        if (n == RankScratch.MaxCandidates || s.Mark[video] == s.Stamp)
        {
            return;
        }

        // Marked either way: a video the long memory holds is not asked about twice.
        s.Mark[video] = s.Stamp;
        if (state.Served.SeenBefore(user, video))
        {
            return;
        }

        s.Candidates[n] = video;
        s.Explore[n] = explore;
        n++;
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

    /// <summary>
    /// The inbox's skip test in a ranked request: already a candidate or in the served ring (both
    /// marked in the scratch), or held by the long memory; cheaper than asking the ring per upload.
    /// </summary>
    private readonly struct Unmarked(RankScratch s, ServedHistory served, int user) : FollowingInbox.ISkip
    {
        public bool Skips(int video) => s.Mark[video] == s.Stamp || served.SeenBefore(user, video);
    }
}
