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
    /// The tier of a creator with <paramref name="followers"/> in a world of <paramref name="users"/>:
    /// thresholds scale with users / <paramref name="referenceUsers"/>, so a macro creator reaches the
    /// same share of the audience in a 50,000-user world as in a platform of the reference size.
    /// </summary>
    public static CreatorTier Of(int followers, int users, double referenceUsers)
    {
        var scale = users / referenceUsers;
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

    /// <summary>Price of one sponsored post by tier, USD at the reference population: midpoints of nano $5–25, micro $25–125, macro $125–2.5k, mega $2.5k+ (CALIBRATION.md §4; mid interpolated). Used as the floor of a post's price.</summary>
    public static readonly double[] PricePerPost = [15, 75, 400, 1_300, 5_000];

    /// <summary>Share of followers a post reaches: micro 15.7 %, macro 3.2 % (CALIBRATION.md §4, thecirqle.com); nano, mid and mega interpolated.</summary>
    public static readonly double[] ReachShare = [0.2, 0.157, 0.08, 0.032, 0.02];

    /// <summary>CPM of paid placements by tier, USD: midpoints of nano $4–10, micro $8–18, macro $12–25, mega $20–40 (CALIBRATION.md §4; mid interpolated).</summary>
    public static readonly double[] Cpm = [7, 13, 16, 18.5, 30];
}
