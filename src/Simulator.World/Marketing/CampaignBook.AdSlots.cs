using Recommender;
using Simulator.World.Content;
using Simulator.World.Population;

namespace Simulator.World.Marketing;

/// <summary>Ad slots: paid placements, UGC ads, live streams and subscriber drops put into fresh slates.</summary>
public sealed partial class CampaignBook
{
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
