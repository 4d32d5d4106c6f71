using Simulator.World.Randomness;
using Recommender;
using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Content;
using Simulator.World.Population;

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

    public CampaignBook(IReadOnlyList<CampaignOptions> campaigns, MarketingOptions marketing, ContentOptions content, int users, int topics, ulong seed)
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

    /// <summary>
    /// Utility shift a viewer feels on campaign content: trust when they follow the creator,
    /// lost authenticity when the content is labelled, ad aversion on paid placements.
    /// </summary>
    public double UtilityShift(UserTable users, int u, in VideoView v, RecommenderCore platform)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(platform);
        double shift = 0;
        if (platform.Follows(u, v.Creator))
        {
            shift += _m.FollowerTrust;
        }

        if ((v.Marks & VideoMarks.Disclosed) != 0)
        {
            shift -= _m.DisclosurePenalty * users.Persona.AuthenticityPreference[u];
        }

        if ((v.Marks & VideoMarks.Paid) != 0)
        {
            shift -= _m.AdAversion * (1 - users.Persona.AdTolerance[u]);
        }

        return shift;
    }

    /// <summary>
    /// Books one campaign impression into the chunk's <paramref name="counts"/>: reach, engagement,
    /// follows, purchase (log-odds from interest, propensity, trust, urgency, price) and brand affinity.
    /// </summary>
    public void Apply(UserTable users, int u, in VideoView v, in WatchOutcome outcome, long nowSecond, RecommenderCore platform, long[] counts)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(counts);
        var c = v.Campaign;
        var campaign = Campaigns[c];
        var slotted = (v.Marks & (VideoMarks.Paid | VideoMarks.SubscriberOnly)) != 0;
        var (tier, cost) = slotted ? Slot(campaign, v.Creator) : (campaign.TierOf(v.Creator), 0L);
        counts[CampaignLedger.Index(c, tier, LedgerField.Impressions)]++;
        counts[CampaignLedger.Index(c, tier, LedgerField.WatchMs)] += (long)(outcome.WatchSeconds * 1000f);
        var bit = 1UL << c;
        if ((Reached[u] & bit) == 0)
        {
            Reached[u] |= bit;
            counts[CampaignLedger.Index(c, tier, LedgerField.Reach)]++;
            if ((v.Marks & VideoMarks.Live) != 0)
            {
                counts[CampaignLedger.Index(c, tier, LedgerField.LiveViewers)]++;
            }
        }

        if ((v.Marks & VideoMarks.Live) != 0)
        {
            counts[CampaignLedger.Index(c, tier, LedgerField.LiveImpressions)]++;
        }

        if ((v.Marks & VideoMarks.Paid) != 0)
        {
            counts[CampaignLedger.Index(c, tier, LedgerField.SpendMicros)] += cost;
        }

        var r = outcome.Reactions;
        var liked = (r & Recommender.Abstractions.Reactions.Liked) != 0;
        var commented = (r & Recommender.Abstractions.Reactions.Commented) != 0;
        var shared = (r & Recommender.Abstractions.Reactions.Shared) != 0;
        if (liked) counts[CampaignLedger.Index(c, tier, LedgerField.Likes)]++;
        if (commented) counts[CampaignLedger.Index(c, tier, LedgerField.Comments)]++;
        if (shared) counts[CampaignLedger.Index(c, tier, LedgerField.Shares)]++;
        counts[CampaignLedger.Index(c, tier, LedgerField.Engagements)] += (liked ? 1 : 0) + (commented ? 1 : 0) + (shared ? 1 : 0);
        if ((r & Recommender.Abstractions.Reactions.Followed) != 0) counts[CampaignLedger.Index(c, tier, LedgerField.Follows)]++;

        var k = users.Topics;
        var ai = (u * Campaigns.Count) + c;
        var engaged = outcome.WatchSeconds >= Math.Min(v.Length, 5f);
        // Brand affinity: an explicit reaction builds it, an engaged view a little, a swipe-away erodes it.
        Affinity[ai] += (float)(_m.AffinityStep * (liked || commented || shared ? 1.0 : engaged ? 0.3 : -0.3));
        if (!engaged)
        {
            return;
        }

        counts[CampaignLedger.Index(c, tier, LedgerField.EngagedViews)]++;
        if ((Bought[u] & bit) != 0)
        {
            return;
        }

        var o = campaign.Options;
        var live = (v.Marks & VideoMarks.Live) != 0;
        var interest = Math.Max(1e-4, users.Persona.Interest[(u * k) + (o.Product.Category % k)] * k);
        var logit = _m.ConversionIntercept
            + (_m.InterestWeight * Math.Log(interest))
            + (_m.PropensityWeight * (users.Persona.PurchasePropensity[u] - 0.2))
            + (0.5 * outcome.Utility)
            + (platform.Follows(u, v.Creator) ? _m.FollowerTrust : 0)
            + (live ? o.Live.Urgency : 0)
            - (_m.PriceElasticity * Math.Log(o.Product.Price / 30.0));
        var rng = new RandomCursor(_seed, (ulong)u, StreamIds.Campaign, AdDraws[u]);
        var bought = rng.Bernoulli(1.0 / (1.0 + Math.Exp(-logit)));
        AdDraws[u] = rng.Counter;
        if (bought)
        {
            Bought[u] |= bit;
            counts[CampaignLedger.Index(c, tier, LedgerField.Conversions)]++;
            counts[CampaignLedger.Index(c, tier, LedgerField.RevenueMicros)] += (long)Math.Round(o.Product.Price * 1e6);
            if (live)
            {
                counts[CampaignLedger.Index(c, tier, LedgerField.LiveConversions)]++;
            }
        }
    }

    /// <summary>
    /// Puts campaign videos into ad slots of a fresh slate: every ad_every-th feed position, the
    /// first serving campaign the user is eligible for and under its daily frequency cap.
    /// </summary>
    public void FillAdSlots(UserTable users, int u, Span<int> slate, int sessionItems, int day, RecommenderCore platform)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(platform);
        for (var p = 0; p < slate.Length; p++)
        {
            for (var c = 0; c < Campaigns.Count; c++)
            {
                var campaign = Campaigns[c];
                if (!campaign.Serving || ((sessionItems + p) % campaign.Options.AdEvery) != campaign.Options.AdEvery - 1)
                {
                    continue;
                }

                if (SeenDay[u] != day)
                {
                    SeenDay[u] = day;
                    Seen.AsSpan(u * Campaigns.Count, Campaigns.Count).Clear();
                }

                var seen = u * Campaigns.Count + c;
                if (Seen[seen] >= campaign.Options.FrequencyCap || !Eligible(users, u, campaign, platform, out var video))
                {
                    continue;
                }

                Seen[seen]++;
                slate[p] = video;
                break;
            }
        }
    }

    /// <summary>Who may be shown a campaign's slot video: target audience for paid, followers for a subscriber drop.</summary>
    private static bool Eligible(UserTable users, int u, Campaign campaign, RecommenderCore platform, out int video)
    {
        video = -1;
        var slots = campaign.SlotVideos;
        if (slots.Count == 0)
        {
            return false;
        }

        if (campaign.Options.Format == CampaignFormat.SubscriberDrop)
        {
            foreach (var s in slots)
            {
                if (platform.Follows(u, s.Creator))
                {
                    video = s.Video;
                    return true;
                }
            }

            return false;
        }

        var t = campaign.Options.Target;
        if ((t.Generations.Count > 0 && !t.Generations.Contains(Generations.Keys[(int)users.Persona.Generation[u]]))
            || (t.Countries.Count > 0 && !t.Countries.Contains(Countries.Codes[users.Persona.Country[u]]))
            || (users.Persona.IsTeen[u] ? !t.Accounts.Contains("teen") : t.Accounts.Count > 0 && !t.Accounts.Contains("adult"))
            || (t.InterestedOnly && platform.TopicAffinity(u, campaign.Options.Product.Category) < 1.2f))
        {
            return false;
        }

        video = slots[(int)((uint)(u * 2_654_435_761L) % (uint)slots.Count)].Video;
        return true;
    }

    /// <summary>Tier and per-impression cost of the slot video <paramref name="creator"/> posted for <paramref name="campaign"/>.</summary>
    private static (CreatorTier Tier, long CostMicros) Slot(Campaign campaign, int creator)
    {
        foreach (var s in campaign.SlotVideos)
        {
            if (s.Creator == creator)
            {
                return (s.Tier, s.CostPerImpressionMicros);
            }
        }

        return (CreatorTier.Nano, 0);
    }
}
