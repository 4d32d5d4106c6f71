using Recommender;
using Simulator.Engine.Random;
using Simulator.World.Content;
using Simulator.World.Population;
using Simulator.World.Randomness;

namespace Simulator.World.Marketing;

public sealed partial class CampaignBook
{
    /// <summary>Video length of a live-shopping stream as a feed item: viewers stay up to 10 minutes.</summary>
    private const float LiveSeconds = 600;

    /// <summary>
    /// Starts campaign <paramref name="c"/>: hires creators by tier at tier prices, best audience
    /// and topic match first, and posts their videos (or the advocates'); paid formats keep the
    /// rest of the budget for placements.
    /// </summary>
    public void Start(int c, long nowSecond, ContentSupply content, UserTable users, RecommenderCore platform)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(platform);
        var campaign = Campaigns[c];
        campaign.Started = true;
        var o = campaign.Options;
        var rng = new RandomCursor(_seed, (ulong)c, StreamIds.Campaign, 1UL << 48);
        var topic = o.Product.Category % _topics;
        if (o.Format == CampaignFormat.EmployeeAdvocacy)
        {
            StartAdvocacy(campaign, nowSecond, topic, content, users, ref rng);
            return;
        }

        var creators = content.Creators;
        var tiers = new CreatorTier[creators.CreatorCount];
        for (var i = 0; i < creators.CreatorCount; i++)
        {
            tiers[i] = CreatorTiers.Of(platform.Followers(i), TierScale);
        }

        for (var t = 0; t < CreatorTiers.Keys.Length; t++)
        {
            if (!o.Tiers.TryGetValue(CreatorTiers.Keys[t], out var share) || share <= 0)
            {
                continue;
            }

            var tier = (CreatorTier)t;
            var tierBudget = (long)(campaign.BudgetMicros * share);
            var candidates = Candidates(campaign, creators, tiers, tier, users, ref rng);
            var hired = 0;
            foreach (var creator in candidates)
            {
                var price = PostPrice(creators, creator, tier, platform.Followers(creator)) * o.PostsPerCreator;
                // Paid formats hire one creator per tier (the video maker or the host) and spend the rest on placements.
                if (tierBudget < price || (campaign.IsPaid && hired == 1))
                {
                    break;
                }

                tierBudget -= price;
                campaign.SpentMicros += price;
                Ledger[c, tier, LedgerField.SpendMicros] += price;
                Ledger[c, tier, LedgerField.Creators]++;
                Ledger[c, tier, LedgerField.FollowersAtHire] += platform.Followers(creator);
                campaign.Hired[creator] = tier;
                hired++;
                Post(campaign, creator, tier, nowSecond, topic, content, ref rng);
            }

            if (hired == 0)
            {
                // No creator of this tier fits: the share stays unspent (reported).
                campaign.UnfilledMicros += tierBudget;
            }
            else if (!campaign.IsPaid)
            {
                campaign.UnfilledMicros += tierBudget;
            }
        }
    }

    /// <summary>
    /// Price of one post, micro-dollars: the tier's CPM on the views the creator can show a brand
    /// (average views per video, or followers × the tier's published reach share if higher), never
    /// below the tier's published price per post scaled to this world. Pricing on views keeps cost
    /// in line with what a post actually delivers here, where a small world gives each video more
    /// views per follower than a platform of hundreds of millions.
    /// </summary>
    private long PostPrice(CreatorTable creators, int creator, CreatorTier tier, int followers)
    {
        var t = (int)tier;
        var views = Math.Max(creators.AverageViews(creator), followers * CreatorTiers.ReachShare[t]);
        var dollars = Math.Max(CreatorTiers.Cpm[t] * views / 1000.0, CreatorTiers.PricePerPost[t] * PopulationScale);
        return (long)Math.Round(dollars * 1e6);
    }

    private List<int> Candidates(Campaign campaign, CreatorTable creators, CreatorTier[] tiers, CreatorTier tier, UserTable users, ref RandomCursor rng)
    {
        var o = campaign.Options;
        var allowed = o.CreatorTypes.Count > 0 ? o.CreatorTypes
            : o.Format == CampaignFormat.UgcAd ? [CreatorType.Ugc]
            : [CreatorType.Amateur, CreatorType.Professional, CreatorType.Ugc];
        var scored = new List<(double Score, int Creator)>();
        for (var i = 0; i < creators.CreatorCount; i++)
        {
            if (tiers[i] != tier || creators.Dormant[i] || !allowed.Contains(creators.Type[i]))
            {
                continue;
            }

            // Audience match on what a brand sees: topic specialty, the account's country and age group.
            var t = o.Target;
            var user = creators.UserId[i];
            var score = (creators.Topic[i] == o.Product.Category % _topics ? 1.0 : 0.25)
                + (t.Countries.Count == 0 || t.Countries.Contains(Countries.Codes[creators.Country[i]]) ? 0.5 : 0)
                + (t.Generations.Count == 0 || (user >= 0 && t.Generations.Contains(Generations.Keys[(int)users.Persona.Generation[user]])) ? 0.3 : 0)
                + (0.01 * rng.NextDouble());
            scored.Add((score, i));
        }

        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Creator.CompareTo(b.Creator));
        return [.. scored.Select(s => s.Creator)];
    }

    private void Post(Campaign campaign, int creator, CreatorTier tier, long nowSecond, int topic, ContentSupply content, ref RandomCursor rng)
    {
        var o = campaign.Options;
        var marks = VideoMarks.Campaign | (o.Disclosure ? VideoMarks.Disclosed : VideoMarks.None);
        var c = (short)campaign.Index;
        var creators = content.Creators;
        switch (o.Format)
        {
            case CampaignFormat.Sponsored:
                for (var p = 0; p < o.PostsPerCreator; p++)
                {
                    content.UploadCampaignVideo(creator, topic, c, marks, nowSecond, Length(creators, creator, ref rng), register: true, ref rng);
                    Ledger[c, tier, LedgerField.Posts]++;
                }

                break;
            case CampaignFormat.SubscriberDrop:
                for (var p = 0; p < o.PostsPerCreator; p++)
                {
                    var v = content.UploadCampaignVideo(creator, topic, c, marks | VideoMarks.SubscriberOnly, nowSecond, Length(creators, creator, ref rng), register: false, ref rng);
                    campaign.SlotVideos.Add((v, creator, tier, 0));
                    Ledger[c, tier, LedgerField.Posts]++;
                }

                break;
            case CampaignFormat.UgcAd:
            {
                // The UGC creator makes it; the brand runs it from its own account as a paid placement.
                var brand = creators.Reserve(CreatorType.BrandAccount, -1, topic, creators.Quality[creator], creators.Authenticity[creator], creators.MedianLength[creator], creators.Country[creator]);
                campaign.Hired[brand] = tier;
                var cost = (long)Math.Round(CreatorTiers.Cpm[(int)tier] * 1000);
                for (var p = 0; p < o.PostsPerCreator; p++)
                {
                    var v = content.UploadCampaignVideo(brand, topic, c, marks | VideoMarks.Paid, nowSecond, Length(creators, creator, ref rng), register: false, ref rng);
                    campaign.SlotVideos.Add((v, brand, tier, cost));
                    Ledger[c, tier, LedgerField.Posts]++;
                }

                break;
            }

            case CampaignFormat.LiveShopping:
            {
                var cost = (long)Math.Round(CreatorTiers.Cpm[(int)tier] * 1000);
                var v = content.UploadCampaignVideo(creator, topic, c, marks | VideoMarks.Paid | VideoMarks.Live, nowSecond, LiveSeconds, register: false, ref rng);
                campaign.SlotVideos.Add((v, creator, tier, cost));
                Ledger[c, tier, LedgerField.Posts]++;
                break;
            }

            default:
                break;
        }
    }

    private void StartAdvocacy(Campaign campaign, long nowSecond, int topic, ContentSupply content, UserTable users, ref RandomCursor rng)
    {
        var o = campaign.Options;
        var c = campaign.Index;
        var creators = content.Creators;
        var stipend = (long)Math.Round(o.AdvocateStipend * PopulationScale * 1e6);
        var marks = VideoMarks.Campaign | (o.Disclosure ? VideoMarks.Disclosed : VideoMarks.None);
        for (var i = 0; i < o.Advocates; i++)
        {
            if (campaign.SpentMicros + stipend > campaign.BudgetMicros)
            {
                break;
            }

            // Employees are ordinary users: new small accounts, unpolished and authentic (CALIBRATION.md §4: employee content 8× engagement).
            var user = rng.NextInt(users.Count);
            var advocate = creators.Reserve(
                CreatorType.EmployeeAdvocate, user, topic,
                (float)Math.Clamp(0.3 + 0.1 * rng.Normal(), 0.05, 0.95),
                (float)Math.Clamp(0.85 + 0.1 * rng.Normal(), 0.05, 0.98),
                (float)_content.MedianLengthSeconds,
                users.Persona.Country[user]);
            campaign.Hired[advocate] = CreatorTier.Nano;
            campaign.SpentMicros += stipend;
            Ledger[c, CreatorTier.Nano, LedgerField.SpendMicros] += stipend;
            Ledger[c, CreatorTier.Nano, LedgerField.Creators]++;
            for (var p = 0; p < o.PostsPerCreator; p++)
            {
                content.UploadCampaignVideo(advocate, topic, (short)c, marks, nowSecond, Length(creators, advocate, ref rng), register: true, ref rng);
                Ledger[c, CreatorTier.Nano, LedgerField.Posts]++;
            }
        }
    }

    private static float Length(CreatorTable creators, int creator, ref RandomCursor rng) =>
        (float)Math.Clamp(creators.MedianLength[creator] * Math.Exp(0.5 * rng.Normal()), 5, 180);
}
