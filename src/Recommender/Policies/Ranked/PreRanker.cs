using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// The cheap second stage: every candidate scored by embedding (or, for new videos, hashtag)
/// affinity, topic history and decayed popularity; the best non-exploration ones go on to full ranking.
/// </summary>
internal sealed class PreRanker(PlatformState state, RecommenderOptions options)
{
    /// <summary>Puts the best candidates' indexes, best first, in the scratch's ranked list; returns how many.</summary>
    public int PreRank(RankScratch s, int user, int n)
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
}
