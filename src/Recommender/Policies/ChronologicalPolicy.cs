using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// The Following feed (the DSA's "Following is chronological", CALIBRATION.md §5): the newest
/// uploads of the accounts the user follows that they have not been served, newest first, each
/// followed creator's latest <see cref="FollowGraph.RecentUploads"/> at most. No ranking and no
/// platform-wide filler: when the followed inventory is used up the feed returns nothing, the
/// "all caught up" end of a real Following tab (<see cref="IFeedPolicy.EndsWhenCaughtUp"/>).
/// </summary>
internal sealed class ChronologicalPolicy(PlatformState state) : IFeedPolicy
{
    public bool EndsWhenCaughtUp => true;

    public int Recommend(in RecommendationRequest request, Span<int> slate, Span<ServeContext> contexts)
    {
        var user = request.UserId;
        var n = FollowingInbox.Newest(state, user, slate, []);
        for (var i = 0; i < n; i++)
        {
            state.Served.Add(user, slate[i]);
            contexts[i] = ServeContext.Served(request.LocalHour, request.SessionPosition + i, 1f);
        }

        return n;
    }

    public void Refresh(long nowSecond)
    {
        // Nothing is ranked, nothing to refresh.
    }
}
