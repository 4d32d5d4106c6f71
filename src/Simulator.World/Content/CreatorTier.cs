namespace Simulator.World.Content;

/// <summary>Follower tiers (DESIGN.md §4): nano &lt; 10k, micro 10k–100k, mid 100k–500k, macro 500k–1M, mega &gt; 1M followers at the reference population.</summary>
public enum CreatorTier : byte
{
    Nano,
    Micro,
    Mid,
    Macro,
    Mega,
}

/// <summary>Tier names and thresholds scaled to the simulated population.</summary>
public static class CreatorTiers
{
    public static readonly string[] Keys = ["nano", "micro", "mid", "macro", "mega"];

    /// <summary>Lower follower bound of each tier above nano at the reference population (DESIGN.md §4).</summary>
    private static readonly double[] PublishedThresholds = [10_000, 100_000, 500_000, 1_000_000];

    /// <summary>
    /// Share of follows of creators that go to prominent accounts (&gt; 1M followers): Pew 2024 counts
    /// 12 % of followed accounts prominent and 46 % creators with 5k–1M, so 12 / 58 of creator follows.
    /// </summary>
    public const double MegaFollowShare = 12.0 / 58.0;

    /// <summary>
    /// The tier of a creator with <paramref name="followers"/>: the published thresholds times
    /// <paramref name="scale"/> (simulated followers per published follower).
    /// </summary>
    public static CreatorTier Of(int followers, double scale)
    {
        var tier = CreatorTier.Nano;
        for (var i = 0; i < PublishedThresholds.Length; i++)
        {
            if (followers >= PublishedThresholds[i] * scale)
            {
                tier = (CreatorTier)(i + 1);
            }
        }

        return tier;
    }

    /// <summary>
    /// The threshold scale that makes the follow graph's head look as it does on the platform: the
    /// mega threshold is set at the follower count above which creators hold
    /// <see cref="MegaFollowShare"/> of all creator follows (Pew 2024), and the other thresholds keep
    /// their published ratios to it. A small world bounds follower counts by its population, so the
    /// published counts cannot hold as they are; the share of attention the head holds can.
    /// Without follows the scale is <paramref name="users"/> / <paramref name="referenceUsers"/>.
    /// </summary>
    public static double ScaleFromFollowers(ReadOnlySpan<int> followers, int users, double referenceUsers)
    {
        long edges = 0;
        foreach (var f in followers)
        {
            edges += f;
        }

        if (edges == 0)
        {
            return users / referenceUsers;
        }

        var sorted = followers.ToArray();
        Array.Sort(sorted);
        long head = 0;
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            head += sorted[i];
            if (head >= MegaFollowShare * edges)
            {
                return sorted[i] / PublishedThresholds[^1];
            }
        }

        return sorted[0] / PublishedThresholds[^1];
    }

    /// <summary>Price of one sponsored post by tier, USD at the reference population: midpoints of nano $5–25, micro $25–125, macro $125–2.5k, mega $2.5k+ (CALIBRATION.md §4; mid interpolated). Used as the floor of a post's price.</summary>
    public static readonly double[] PricePerPost = [15, 75, 400, 1_300, 5_000];

    /// <summary>Share of followers a post reaches: micro 15.7 %, macro 3.2 % (CALIBRATION.md §4, thecirqle.com); nano, mid and mega interpolated.</summary>
    public static readonly double[] ReachShare = [0.2, 0.157, 0.08, 0.032, 0.02];

    /// <summary>CPM of paid placements by tier, USD: midpoints of nano $4–10, micro $8–18, macro $12–25, mega $20–40 (CALIBRATION.md §4; mid interpolated).</summary>
    public static readonly double[] Cpm = [7, 13, 16, 18.5, 30];
}
