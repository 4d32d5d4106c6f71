using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// A user's Following inventory: the newest uploads of the accounts they follow that they have not
/// been served, newest first. Shared by the Following feed and the ranked "following" candidates.
/// </summary>
internal static class FollowingInbox
{
    /// <summary>
    /// Writes into <paramref name="newest"/> (newest first) up to its length of the newest unserved
    /// uploads of the creators <paramref name="user"/> follows, skipping <paramref name="exclude"/>,
    /// and returns how many were written.
    /// </summary>
    /// <remarks>
    /// A bounded insertion into <paramref name="newest"/>: each creator's uploads are newest first,
    /// so the scan of a creator stops at the first upload older than the oldest kept once the buffer
    /// is full; the served-history check runs only for uploads that would be kept. Cost grows with the
    /// number of follows (one look at each followed creator's newest upload), not with the catalogue.
    /// </remarks>
    public static int Newest(PlatformState state, int user, Span<int> newest, ReadOnlySpan<int> exclude) =>
        Newest(state, state.Follows.Followed(user), user, newest, new NotServed(state.Served, user, exclude));

    /// <summary>
    /// The newest uploads of <paramref name="creators"/>, and of the friend-circle accounts
    /// <paramref name="friendsOf"/> follows (−1: none), that <paramref name="skip"/> lets through,
    /// newest first (the test of what to skip is a struct: no delegate on the hot path).
    /// </summary>
    public static int Newest<TSkip>(PlatformState state, ReadOnlySpan<int> creators, int friendsOf, Span<int> newest, TSkip skip)
        where TSkip : struct, ISkip, allows ref struct
    {
        var n = 0;
        var cap = newest.Length;
        if (cap == 0)
        {
            return 0;
        }

        foreach (var c in creators)
        {
            foreach (var v in state.Follows.Recent(c))
            {
                if (v < 0 || (n == cap && v <= newest[n - 1]))
                {
                    // Older than everything kept (uploads are newest first): nothing later in this row qualifies.
                    break;
                }

                if (skip.Skips(v))
                {
                    continue;
                }

                Keep(newest, ref n, v);
            }
        }

        if (friendsOf >= 0)
        {
            var circle = state.Follows.Circles;
            var videos = circle.Recent(friendsOf, out var slots);
            for (var i = 0; i < videos.Length; i++)
            {
                var v = videos[i];
                if (v < 0 || (n == cap && v <= newest[n - 1]))
                {
                    break;
                }

                if (circle.HasSlot(friendsOf, slots[i]) && !skip.Skips(v))
                {
                    Keep(newest, ref n, v);
                }
            }
        }

        return n;
    }

    /// <summary>Inserts <paramref name="v"/> in descending order, dropping the oldest when full.</summary>
    private static void Keep(Span<int> newest, ref int n, int v)
    {
        var cap = newest.Length;
        var at = n < cap ? n : cap - 1;
        while (at > 0 && newest[at - 1] < v)
        {
            newest[at] = newest[at - 1];
            at--;
        }

        newest[at] = v;
        n = Math.Min(cap, n + 1);
    }

    /// <summary>Which uploads the inbox leaves out.</summary>
    public interface ISkip
    {
        bool Skips(int video);
    }

    /// <summary>Leaves out what the user was served (ring or long memory) and <c>exclude</c>.</summary>
    public readonly ref struct NotServed(ServedHistory served, int user, ReadOnlySpan<int> exclude) : ISkip
    {
        private readonly ReadOnlySpan<int> _exclude = exclude;

        public bool Skips(int video) => served.Contains(user, video) || _exclude.Contains(video);
    }
}
