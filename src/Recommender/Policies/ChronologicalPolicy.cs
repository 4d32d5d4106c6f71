using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// The following feed in time order (the DSA's "Following is chronological", CALIBRATION.md §5):
/// the newest uploads of followed creators first, then everything else newest first. No ranking.
/// </summary>
internal sealed class ChronologicalPolicy(PlatformState state) : IFeedPolicy
{
    public int Recommend(in RecommendationRequest request, Span<int> slate, Span<ServeContext> contexts)
    {
        var user = request.UserId;
        var n = 0;
        // Followed creators' uploads, newest first across creators.
        while (n < slate.Length)
        {
            var best = -1;
            foreach (var c in state.Follows.Followed(user))
            {
                if (c < 0)
                {
                    continue;
                }

                foreach (var v in state.Follows.Recent(c))
                {
                    if (v > best && !state.Served.Contains(user, v) && !slate[..n].Contains(v))
                    {
                        best = v;
                    }
                }
            }

            if (best < 0)
            {
                break;
            }

            slate[n++] = best;
            state.Served.Add(user, best);
        }

        // Then the whole catalogue, newest first (ids are in upload order).
        for (var v = state.Catalog.Count - 1; v >= 0 && n < slate.Length; v--)
        {
            if (!state.Served.Contains(user, v) && !slate[..n].Contains(v))
            {
                slate[n++] = v;
                state.Served.Add(user, v);
            }
        }

        for (var i = 0; i < n; i++)
        {
            contexts[i] = ServeContext.Served(request.LocalHour, request.SessionPosition + i, 1f);
        }

        return n;
    }

    public void Refresh(long nowSecond)
    {
        // Nothing is ranked, nothing to refresh.
    }
}
