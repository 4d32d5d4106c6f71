using Recommender;
using Simulator.Engine.Random;
using Simulator.World.Population;
using Simulator.World.Randomness;

namespace Simulator.World.Content;

/// <summary>The follow graph users hold before the run.</summary>
internal static class FollowSeeding
{
    /// <summary>z of the 90th percentile of a standard normal.</summary>
    private const double Z90 = 1.2815515655446004;

    /// <summary>TikTok's cap on accounts one user may follow.</summary>
    private const int MaxFollows = 10_000;

    /// <summary>
    /// Seeds the follows users hold before the run. Each user already there draws a follow count from
    /// a two-piece log-normal with Pew's median and tenth and ninetieth percentiles (CALIBRATION.md §3),
    /// and follows creators for the creators' part of it (1 − content.personal_follow_share: a topic by
    /// their own interest, within it a creator in proportion to appeal), then friends: distinct personal
    /// accounts of their friend circle, uniformly, as many as keep the share with the creators actually
    /// followed. Heavy-tailed appeal makes follower counts heavy-tailed, so tiers emerge. Users who
    /// install during the run start with no follows. A world with fewer creators, or a circle with
    /// fewer personal accounts, than a user's count saturates: the user follows what the draws reach
    /// in a bounded number of tries (reported as follows per account), and Pew's mix still holds.
    /// </summary>
    /// <remarks>
    /// Scale: a simulated creator posts at a creator's rate (content.uploads_per_creator_per_day), so
    /// one simulated follow of a creator stands for one real one, and the Following inventory per day
    /// (followed uploads) compares with what users watch as it would on the platform. What does not
    /// carry over to a small world is the follower count of a creator: it is bounded by the population.
    /// Tier thresholds therefore come from the graph (<see cref="CreatorTiers.ScaleFromFollowers"/>).
    /// </remarks>
    /// <returns>The tier threshold scale of the seeded graph (<see cref="CreatorTiers.ScaleFromFollowers"/>).</returns>
    public static double Seed(ContentOptions content, CreatorTable creators, Friendships? friends, int topics, ulong seed, UserTable users, RecommenderCore recommender)
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

        var available = 0;
        for (var c = 0; c < creators.CreatorCount; c++)
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
            available++;
        }

        var lowerSigma = Spread(content.FollowsMedian, content.FollowsP10);
        var upperSigma = Spread(content.FollowsP90, content.FollowsMedian);
        var interestCum = new double[k];
        var mostFriends = 0;
        foreach (var a in friends?.Accounts ?? [])
        {
            mostFriends = Math.Max(mostFriends, a.Length);
        }

        var picked = new int[Math.Min(MaxFollows, available + mostFriends)];
        var stamp = new int[creators.CreatorCount];
        var friendStamp = new int[mostFriends];
        for (var u = 0; u < users.Count; u++)
        {
            if (users.Persona.InstallSecond[u] != PersonaColumns.Existing || picked.Length == 0)
            {
                continue;
            }

            var rng = new RandomCursor(seed, (ulong)u, StreamIds.Follow);
            var z = rng.Normal();
            var count = content.FollowsMedian * Math.Exp(z * (z < 0 ? lowerSigma : upperSigma));
            // Stochastic rounding keeps the mean of each share at any count.
            var total = Math.Min(count, MaxFollows);
            var wanted = Math.Min(available, (int)Math.Floor((total * (1 - content.PersonalFollowShare)) + rng.NextDouble()));
            double acc = 0;
            for (var t = 0; t < k; t++)
            {
                acc += users.Persona.Interest[(u * k) + t];
                interestCum[t] = acc;
            }

            var n = 0;
            for (var attempt = 0; n < wanted && attempt < (3 * wanted) + 16; attempt++)
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
                var creator = byTopic[t][Math.Min(j, list.Count - 1)];
                if (stamp[creator] != u + 1)
                {
                    stamp[creator] = u + 1;
                    picked[n++] = creator;
                }
            }

            if (friends is not null)
            {
                // Friends in proportion to the creators followed, so that a world whose creators saturate
                // keeps Pew's mix (38 % friends) instead of a friend-heavy graph.
                var s = content.PersonalFollowShare;
                var friendCount = s >= 1 ? total : n * s / (1 - s);
                // Never past TikTok's cap, which stochastic rounding of both parts could cross by one.
                var friendsWanted = Math.Min(Math.Min(mostFriends, picked.Length - n), (int)Math.Floor(friendCount + rng.NextDouble()));
                n += friends.Pick(u, creators, ref rng, picked.AsSpan(n, friendsWanted), friendStamp, u + 1);
            }

            recommender.SeedFollows(u, picked.AsSpan(0, n));
        }

        // Tiers are creators' (personal accounts are never tiered).
        var followers = new int[creators.CreatorCount];
        for (var c = 0; c < followers.Length; c++)
        {
            followers[c] = recommender.Followers(c);
        }

        return CreatorTiers.ScaleFromFollowers(followers, users.Count, content.TierReferenceUsers);
    }

    /// <summary>The log-normal σ that puts <paramref name="inner"/> one decile step (z = 1.28) from <paramref name="outer"/>.</summary>
    private static double Spread(double outer, double inner) =>
        outer <= 0 || inner <= 0 ? 0 : Math.Max(0, Math.Log(outer / inner) / Z90);
}
