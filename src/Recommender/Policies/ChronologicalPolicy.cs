using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// The Following feed (the DSA's "Following is chronological", CALIBRATION.md §5): the newest
/// uploads of the accounts the user follows that they have not been served, newest first, each
/// followed creator's latest <see cref="FollowGraph.RecentUploads"/> at most. No ranking and no
/// platform-wide filler: when the followed inventory is used up the feed returns nothing, the
/// "all caught up" end of a real Following tab (<see cref="IFeedPolicy.EndsWhenCaughtUp"/>).
/// An account that follows no one sees suggested accounts instead, as an empty Following tab
/// does: the <see cref="Suggested"/> most-followed creators' uploads, in the same order.
/// </summary>
internal sealed class ChronologicalPolicy(PlatformState state) : IFeedPolicy
{
    /// <summary>Suggested accounts shown to an account that follows no one.</summary>
    public const int Suggested = 16;

    private readonly TopList _suggested = new(Suggested);

    public bool EndsWhenCaughtUp => true;

    public int Recommend(in RecommendationRequest request, Span<int> slate, Span<ServeContext> contexts)
    {
        var user = request.UserId;
        var none = !state.Follows.FollowsAny(user);
        var creators = none ? _suggested.Ids : state.Follows.Followed(user);
        var n = FollowingInbox.Newest(state, creators, none ? -1 : user, slate, new FollowingInbox.NotServed(state.Served, user, []));
        for (var i = 0; i < n; i++)
        {
            state.Served.Add(user, slate[i]);
            contexts[i] = ServeContext.Served(request.LocalHour, request.SessionPosition + i, 1f);
        }

        return n;
    }

    /// <summary>Nothing is ranked; the suggested accounts are the most-followed creators now (ties by id).</summary>
    public void Refresh(long nowSecond)
    {
        _suggested.Begin();
        for (var c = 0; c < state.Follows.CreatorCapacity; c++)
        {
            _suggested.Offer(c, state.Follows.Followers(c));
        }

        _suggested.Complete();
    }
}
