namespace Recommender;

/// <summary>The account graph's side of the core: follows, follower counts, and whether a feed is finite.</summary>
public sealed partial class RecommenderCore
{
    /// <summary>
    /// Whether an empty slate for <paramref name="user"/> means "all caught up": the feed serving them
    /// is finite (the Following feed) and they have seen all of it, as opposed to a feed that ran dry.
    /// </summary>
    public bool EndsWhenCaughtUp(int user) =>
        !(_nonPersonalized is not null && _state.Accounts.NonPersonalized(user)) && _policy.EndsWhenCaughtUp;

    /// <summary>
    /// Sets the follows <paramref name="user"/> holds before the run (account state a platform already
    /// holds): distinct creator ids, any order; replaces any the account had.
    /// </summary>
    public void SeedFollows(int user, ReadOnlySpan<int> creators)
    {
        var max = -1;
        foreach (var c in creators)
        {
            max = Math.Max(max, c);
        }

        _state.Follows.EnsureCreators(max + 1);
        _state.Follows.Seed(user, creators);
    }

    /// <summary>
    /// Declares friend circles (account state a platform already holds, before any follow is seeded or
    /// video registered): <paramref name="circleOf"/> gives each user's circle (−1: none), and
    /// <paramref name="accounts"/> each circle's personal accounts (distinct creator ids, at most one
    /// circle each). Follows of an account of the member's own circle are then held as bits, and the
    /// Following feed reads the circle's latest uploads (see <c>FriendCircles</c>).
    /// </summary>
    public void DefineFriendCircles(ReadOnlySpan<int> circleOf, int[][] accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var max = -1;
        foreach (var a in accounts)
        {
            foreach (var c in a)
            {
                max = Math.Max(max, c);
            }
        }

        _state.Follows.EnsureCreators(max + 1);
        _state.Follows.Circles.Define(circleOf, accounts, _state.Follows.CreatorCapacity);
    }

    /// <summary>Follow edges to personal accounts (those of the friend circles), over all accounts.</summary>
    public long PersonalFollowEdges => _state.Follows.PersonalEdges;

    /// <summary>Follow edges the platform holds now, over all accounts.</summary>
    public long FollowEdges => _state.Follows.Edges;

    /// <summary>Public follower count of <paramref name="creator"/>.</summary>
    public int Followers(int creator) => creator < _state.Follows.CreatorCapacity ? _state.Follows.Followers(creator) : 0;

    /// <summary>Whether <paramref name="user"/> follows <paramref name="creator"/>.</summary>
    public bool Follows(int user, int creator) => _state.Follows.Follows(user, creator);
}
