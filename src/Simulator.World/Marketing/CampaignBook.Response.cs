using Recommender;
using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Content;
using Simulator.World.Population;
using Simulator.World.Randomness;

namespace Simulator.World.Marketing;

/// <summary>How a viewer responds to campaign content: the utility shift, then engagement, purchase and brand affinity booked per impression.</summary>
public sealed partial class CampaignBook
{
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
}
