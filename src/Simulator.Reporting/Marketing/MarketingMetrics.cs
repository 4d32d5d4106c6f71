using Simulator.Scenarios.Model;
using Simulator.World.Content;
using Simulator.World.Marketing;
using Simulator.World.Population;

namespace Simulator.Reporting.Marketing;

/// <summary>Campaign and creator-ecosystem outcomes of one replication (DESIGN.md §7).</summary>
public static class MarketingMetrics
{
    /// <summary>Top creators listed individually in creators.csv.</summary>
    public const int TopCreators = 20;

    public static readonly string[] TierKeys = [.. CreatorTiers.Keys, "all"];

    /// <summary>Per campaign: one row per tier that did anything, then the "all" row.</summary>
    public static List<CampaignRow> Campaigns(CampaignBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        var rows = new List<CampaignRow>();
        var ledger = book.Ledger;
        foreach (var c in book.Campaigns)
        {
            for (var t = 0; t < CampaignLedger.Tiers; t++)
            {
                var tier = (CreatorTier)t;
                if (ledger[c.Index, tier, LedgerField.Creators] == 0 && ledger[c.Index, tier, LedgerField.Impressions] == 0)
                {
                    continue;
                }

                rows.Add(Row(c, CreatorTiers.Keys[t], f => ledger[c.Index, tier, f]));
            }

            rows.Add(Row(c, "all", f => ledger.Total(c.Index, f)));
        }

        return rows;
    }

    /// <summary>Adds campaigns.&lt;name&gt;.* to a replication's metrics.</summary>
    public static void AddHeadline(SortedDictionary<string, double> m, CampaignBook book, UserTable users)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(users);
        foreach (var row in Campaigns(book).Where(r => r.Tier == "all"))
        {
            var c = book.Campaigns.First(x => x.Options.Name == row.Campaign);
            var p = MetricKeys.CampaignPrefix + row.Campaign + ".";
            Collection.HeadlineMetrics.Put(m, p + "budget", c.BudgetMicros / 1e6);
            Collection.HeadlineMetrics.Put(m, p + "spend", row.Spend);
            Collection.HeadlineMetrics.Put(m, p + "unspent", Math.Max(0, c.BudgetMicros - c.SpentMicros) / 1e6);
            Collection.HeadlineMetrics.Put(m, p + "impressions", row.Impressions);
            Collection.HeadlineMetrics.Put(m, p + "reach", row.Reach);
            Collection.HeadlineMetrics.Put(m, p + "frequency", row.Frequency);
            Collection.HeadlineMetrics.Put(m, p + "engagement_rate", row.EngagementRate);
            Collection.HeadlineMetrics.Put(m, p + "engagement_rate_followers", row.EngagementRateFollowers);
            Collection.HeadlineMetrics.Put(m, p + "follows", row.Follows);
            Collection.HeadlineMetrics.Put(m, p + "conversions", row.Conversions);
            Collection.HeadlineMetrics.Put(m, p + "revenue", row.Revenue);
            Collection.HeadlineMetrics.Put(m, p + "cpm", row.Cpm);
            Collection.HeadlineMetrics.Put(m, p + "cpe", row.Cpe);
            Collection.HeadlineMetrics.Put(m, p + "cpa", row.Cpa);
            Collection.HeadlineMetrics.Put(m, p + "roas", row.Roas);
            Collection.HeadlineMetrics.Put(m, p + "affinity_lift", AffinityLift.Of(book, c.Index, users));
            if (c.Options.Format == CampaignFormat.LiveShopping)
            {
                var viewers = book.Ledger.Total(c.Index, LedgerField.LiveViewers);
                Collection.HeadlineMetrics.Put(m, p + "live_viewers", viewers);
                Collection.HeadlineMetrics.Put(m, p + "live_peak_concurrent", c.PeakConcurrentLive);
                Collection.HeadlineMetrics.Put(m, p + "live_conversion_per_viewer", viewers > 0 ? (double)book.Ledger.Total(c.Index, LedgerField.LiveConversions) / viewers : double.NaN);
            }
        }
    }

    /// <summary>Per-tier aggregates of all creators and campaign accounts, then the top ones by impressions; personal accounts are left out.</summary>
    public static List<CreatorRow> Creators(CreatorTable creators, Func<int, int> followers, double tierScale)
    {
        ArgumentNullException.ThrowIfNull(creators);
        ArgumentNullException.ThrowIfNull(followers);
        var accounts = Enumerable.Range(0, creators.Count).Where(c => !creators.IsPersonal(c)).ToList();
        var total = accounts.Sum(c => creators.MeasuredImpressions[c]);
        var tierOf = new CreatorTier[creators.Count];
        for (var c = 0; c < creators.Count; c++)
        {
            tierOf[c] = CreatorTiers.Of(followers(c), tierScale);
        }

        var rows = new List<CreatorRow>();
        for (var t = 0; t < CreatorTiers.Keys.Length; t++)
        {
            var members = accounts.Where(c => tierOf[c] == (CreatorTier)t).ToList();
            var imp = members.Sum(c => creators.MeasuredImpressions[c]);
            rows.Add(new CreatorRow
            {
                Kind = "tier",
                Tier = CreatorTiers.Keys[t],
                Creator = -1,
                Type = "",
                Creators = members.Count,
                FollowersStart = members.Sum(c => (long)creators.FollowersAtStart[c]),
                FollowersEnd = members.Sum(c => (long)followers(c)),
                Impressions = imp,
                ImpressionShare = total > 0 ? (double)imp / total : double.NaN,
            });
        }

        foreach (var c in accounts.OrderByDescending(c => creators.MeasuredImpressions[c]).ThenBy(c => c).Take(TopCreators))
        {
            rows.Add(new CreatorRow
            {
                Kind = "top",
                Tier = CreatorTiers.Keys[(int)tierOf[c]],
                Creator = c,
                Type = KeyOf(creators.Type[c]),
                Creators = 1,
                FollowersStart = creators.FollowersAtStart[c],
                FollowersEnd = followers(c),
                Impressions = creators.MeasuredImpressions[c],
                ImpressionShare = total > 0 ? (double)creators.MeasuredImpressions[c] / total : double.NaN,
            });
        }

        return rows;
    }

    /// <summary>Adds creators.follower_growth.&lt;tier&gt; (relative change of the tier's followers over the reported days; tier by end-of-run followers).</summary>
    public static void AddCreatorHeadline(SortedDictionary<string, double> m, IReadOnlyList<CreatorRow> rows)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var r in rows.Where(r => r.Kind == "tier"))
        {
            Collection.HeadlineMetrics.Put(m, MetricKeys.FollowerGrowthPrefix + r.Tier, r.FollowerGrowth);
        }
    }

    public static string KeyOf(CreatorType type) => type switch
    {
        CreatorType.Professional => "professional",
        CreatorType.Ugc => "ugc",
        CreatorType.EmployeeAdvocate => "employee_advocate",
        CreatorType.BrandAccount => "brand_account",
        CreatorType.Personal => "personal",
        _ => "amateur",
    };

    private static CampaignRow Row(Campaign c, string tier, Func<LedgerField, long> get) => new()
    {
        Campaign = c.Options.Name,
        Format = c.Options.Format switch
        {
            CampaignFormat.UgcAd => "ugc_ad",
            CampaignFormat.LiveShopping => "live_shopping",
            CampaignFormat.SubscriberDrop => "subscriber_drop",
            CampaignFormat.EmployeeAdvocacy => "employee_advocacy",
            _ => "sponsored",
        },
        Tier = tier,
        Creators = get(LedgerField.Creators),
        Posts = get(LedgerField.Posts),
        Spend = get(LedgerField.SpendMicros) / 1e6,
        Impressions = get(LedgerField.Impressions),
        Reach = get(LedgerField.Reach),
        Engagements = get(LedgerField.Engagements),
        Follows = get(LedgerField.Follows),
        Conversions = get(LedgerField.Conversions),
        Revenue = get(LedgerField.RevenueMicros) / 1e6,
        FollowersAtHire = get(LedgerField.FollowersAtHire),
    };
}
