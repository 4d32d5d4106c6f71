using Simulator.Engine.Random;
using Simulator.World.Population;
using Simulator.World.Randomness;

namespace Simulator.World.Content;

/// <summary>
/// Who is friends with whom: users grouped by country and generation (friends are alike), each group
/// cut into circles of about content.friend_circle_users in a seeded order, and each circle's personal
/// accounts. Friends of a user are followed among the personal accounts of their circle.
/// </summary>
internal sealed class Friendships
{
    private Friendships(int[] circleOf, int[][] accounts)
    {
        CircleOf = circleOf;
        Accounts = accounts;
    }

    /// <summary>Each user's circle.</summary>
    public int[] CircleOf { get; }

    /// <summary>Each circle's personal accounts (creator ids, increasing).</summary>
    public int[][] Accounts { get; }

    public static Friendships Build(CreatorTable creators, UserTable users, int circleUsers, ulong seed)
    {
        var groups = new Dictionary<int, List<int>>();
        for (var u = 0; u < users.Count; u++)
        {
            var key = (users.Persona.Country[u] * 16) + (int)users.Persona.Generation[u];
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(u);
        }

        var circleOf = new int[users.Count];
        var circles = 0;
        var order = new List<(ulong Key, int User)>();
        foreach (var key in groups.Keys.Order())
        {
            var members = groups[key];
            order.Clear();
            foreach (var u in members)
            {
                order.Add((CounterRng.Draw(seed, (ulong)u, StreamIds.Follow, 1UL << 40), u));
            }

            order.Sort();
            // Equal circles of about circleUsers each; a small group is one small circle.
            var count = Math.Max(1, (int)Math.Round((double)members.Count / circleUsers));
            for (var i = 0; i < order.Count; i++)
            {
                circleOf[order[i].User] = circles + (int)((long)i * count / order.Count);
            }

            circles += count;
        }

        var accounts = new List<int>[circles];
        for (var c = 0; c < circles; c++)
        {
            accounts[c] = [];
        }

        for (var a = creators.CreatorCount; a < creators.OrganicCount; a++)
        {
            accounts[circleOf[creators.UserId[a]]].Add(a);
        }

        return new Friendships(circleOf, [.. accounts.Select(a => a.ToArray())]);
    }

    /// <summary>
    /// Writes into <paramref name="into"/> up to its length of distinct personal accounts of
    /// <paramref name="user"/>'s circle, never the user's own, uniformly (Floyd's sampling); returns how many.
    /// </summary>
    public int Pick(int user, CreatorTable creators, ref RandomCursor rng, Span<int> into, int[] stamp, int mark)
    {
        var accounts = Accounts[CircleOf[user]];
        var own = -1;
        for (var s = 0; s < accounts.Length && own < 0; s++)
        {
            own = creators.UserId[accounts[s]] == user ? s : -1;
        }

        var m = accounts.Length - (own >= 0 ? 1 : 0);
        var k = Math.Min(into.Length, m);
        // Floyd: for j from m − k to m − 1, take a random t ≤ j, or j itself if t is taken; k distinct of m.
        for (var j = m - k; j < m; j++)
        {
            var t = rng.NextInt(j + 1);
            var pick = stamp[t] == mark ? j : t;
            stamp[pick] = mark;
            into[j - (m - k)] = accounts[own >= 0 && pick >= own ? pick + 1 : pick];
        }

        return k;
    }
}
