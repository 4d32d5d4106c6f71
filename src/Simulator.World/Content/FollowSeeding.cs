using Recommender;
using Simulator.Engine.Random;
using Simulator.World.Population;
using Simulator.World.Randomness;

namespace Simulator.World.Content;

/// <summary>The follow graph users hold before the run starts.</summary>
internal static class FollowSeeding
{
    /// <summary>
    /// Seeds the follows users hold before the run: each follows Poisson(content.follows_per_user)
    /// creators, picking a topic by their own interest and, within it, a creator in proportion to
    /// appeal. Heavy-tailed appeal makes follower counts heavy-tailed, so tiers emerge.
    /// </summary>
    public static void Seed(ContentOptions content, CreatorTable creators, int topics, ulong seed, UserTable users, RecommenderCore recommender)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(creators);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(recommender);
        var k = topics;
        var byTopic = new List<int>[k];
        var cumulative = new List<double>[k];
        for (var t = 0; t < k; t++)
        {
            byTopic[t] = [];
            cumulative[t] = [];
        }

        for (var c = 0; c < creators.OrganicCount; c++)
        {
            if (creators.DebutDay[c] != int.MinValue)
            {
                // A newcomer has no audience before it starts posting.
                continue;
            }

            var t = creators.Topic[c];
            var acc = cumulative[t].Count == 0 ? 0 : cumulative[t][^1];
            byTopic[t].Add(c);
            cumulative[t].Add(acc + creators.Appeal[c]);
        }

        var interestCum = new double[k];
        for (var u = 0; u < users.Count; u++)
        {
            var rng = new RandomCursor(seed, (ulong)u, StreamIds.Follow);
            var n = Math.Min(16, rng.Poisson(content.FollowsPerUser));
            double acc = 0;
            for (var t = 0; t < k; t++)
            {
                acc += users.Persona.Interest[(u * k) + t];
                interestCum[t] = acc;
            }

            for (var i = 0; i < n; i++)
            {
                var t = rng.Categorical(interestCum);
                var list = cumulative[t];
                if (list.Count == 0)
                {
                    continue;
                }

                var x = rng.NextDouble() * list[^1];
                var j = list.BinarySearch(x);
                j = j < 0 ? ~j : j;
                recommender.SeedFollow(u, byTopic[t][Math.Min(j, list.Count - 1)]);
            }
        }
    }
}
