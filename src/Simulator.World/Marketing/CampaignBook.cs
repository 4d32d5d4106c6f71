using Simulator.World.Content;

namespace Simulator.World.Marketing;

/// <summary>
/// The campaigns of a world: hiring at tier prices, posting, ad slots for paid placements and
/// subscriber drops, the response of each viewer (trust, disclosure, ad aversion, conversion,
/// brand affinity) and the ledger. Everything a campaign decides uses what a platform or a
/// brand could see (follower counts, account country and age group, logged interests); the
/// viewer's response uses their hidden traits, as a real audience's would.
/// </summary>
public sealed partial class CampaignBook
{
    private readonly MarketingOptions _m;
    private readonly ContentOptions _content;
    private readonly ulong _seed;
    private readonly int _users;
    private readonly int _topics;

    public CampaignBook(IReadOnlyList<CampaignOptions> campaigns, MarketingOptions marketing, ContentOptions content, int users, int topics, ulong seed, double tierScale)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(marketing);
        ArgumentNullException.ThrowIfNull(content);
        if (campaigns.Count > 64)
        {
            throw new ArgumentException("At most 64 campaigns per scenario.", nameof(campaigns));
        }

        _m = marketing;
        _content = content;
        _seed = seed;
        _users = users;
        _topics = topics;
        PopulationScale = users / content.TierReferenceUsers;
        TierScale = tierScale;
        Campaigns = [.. campaigns.Select((c, i) => new Campaign(c, i, PopulationScale))];
        Ledger = new CampaignLedger(campaigns.Count);
        var n = campaigns.Count;
        Reached = new ulong[users];
        Bought = new ulong[users];
        SeenDay = new int[users];
        Seen = new byte[users * n];
        Affinity = new float[users * n];
        AdDraws = new ulong[users];
        Array.Fill(SeenDay, int.MinValue);
        _tickLive = new long[n];
    }

    /// <summary>Creator accounts the campaigns need besides the organic creators.</summary>
    public static int ReservedAccounts(IReadOnlyList<CampaignOptions> campaigns) =>
        campaigns.Sum(c => c.Format switch
        {
            CampaignFormat.EmployeeAdvocacy => c.Advocates,
            CampaignFormat.UgcAd => Math.Max(1, c.Tiers.Count(kv => kv.Value > 0)),
            _ => 0,
        });

    public IReadOnlyList<Campaign> Campaigns { get; }

    public CampaignLedger Ledger { get; }

    /// <summary>Simulated population over the tier reference population: budgets and post prices scale by it.</summary>
    public double PopulationScale { get; }

    /// <summary>Simulated followers per published follower in the tier thresholds (<see cref="ContentSupply.TierScale"/>).</summary>
    public double TierScale { get; }

    /// <summary>Bit c set once the user has seen campaign c.</summary>
    public ulong[] Reached { get; }

    /// <summary>Bit c set once the user has bought campaign c's product (one purchase per user and campaign).</summary>
    public ulong[] Bought { get; }

    /// <summary>Brand affinity built by each campaign's impressions, per user × campaign.</summary>
    public float[] Affinity { get; }

    private int[] SeenDay { get; }

    private byte[] Seen { get; }

    private ulong[] AdDraws { get; }

    /// <summary>Size of the per-chunk counter array.</summary>
    public int CounterLength => Ledger.Counts.Length;
}
