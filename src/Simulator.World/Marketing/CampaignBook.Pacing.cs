using Recommender;
using Simulator.World.Content;
using Simulator.World.Population;

namespace Simulator.World.Marketing;

/// <summary>Pacing: which campaigns serve this tick (dates, live windows, budget, even daily spend), and the tick's merged counters.</summary>
public sealed partial class CampaignBook
{
    /// <summary>
    /// Per tick: starts campaigns whose day has come and decides which serve ad slots this tick
    /// (inside their dates, live windows for live shopping, budget and even daily pacing left).
    /// Runs on the loop thread before sessions, so chunks only read these flags.
    /// </summary>
    public void Tick(long tickStartSecond, int day, bool dayStarted, ContentSupply content, UserTable users, RecommenderCore platform)
    {
        for (var c = 0; c < Campaigns.Count; c++)
        {
            var campaign = Campaigns[c];
            if (!campaign.Started && tickStartSecond >= campaign.StartSecond)
            {
                Start(c, tickStartSecond, content, users, platform);
            }

            if (dayStarted)
            {
                campaign.SpentTodayMicros = 0;
            }

            var inDates = campaign.Started && tickStartSecond < campaign.EndSecond;
            if (!campaign.UsesSlots || !inDates)
            {
                campaign.Serving = false;
                continue;
            }

            var o = campaign.Options;
            if (o.Format == CampaignFormat.LiveShopping)
            {
                var secondOfDay = tickStartSecond - (day * 86_400L);
                var start = o.Live.Hour * 3600L;
                inDates = secondOfDay >= start && secondOfDay < start + (o.Live.Minutes * 60L);
            }

            var left = campaign.BudgetMicros - campaign.SpentMicros;
            var daysLeft = Math.Max(1, (campaign.EndSecond - (day * 86_400L)) / 86_400);
            var dailyCap = (left + campaign.SpentTodayMicros) / daysLeft;
            campaign.Serving = inDates && (!campaign.IsPaid || (left > 0 && campaign.SpentTodayMicros < dailyCap));
        }
    }

    /// <summary>Adds one chunk's counters (chunk order), charging paid impressions to the budgets.</summary>
    public void Merge(long[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        Ledger.Add(counts);
        for (var c = 0; c < Campaigns.Count; c++)
        {
            long spend = 0, live = 0;
            for (var t = 0; t < CampaignLedger.Tiers; t++)
            {
                spend += counts[CampaignLedger.Index(c, (CreatorTier)t, LedgerField.SpendMicros)];
                live += counts[CampaignLedger.Index(c, (CreatorTier)t, LedgerField.LiveImpressions)];
            }

            Campaigns[c].SpentMicros += spend;
            Campaigns[c].SpentTodayMicros += spend;
            _tickLive[c] += live;
        }
    }

    /// <summary>Closes a tick: the live impressions of the tick are its concurrent viewers.</summary>
    public void EndTick()
    {
        for (var c = 0; c < Campaigns.Count; c++)
        {
            Campaigns[c].PeakConcurrentLive = Math.Max(Campaigns[c].PeakConcurrentLive, _tickLive[c]);
            _tickLive[c] = 0;
        }
    }

    // Live-stream impressions of the current tick, per campaign (its concurrent viewers).
    private readonly long[] _tickLive;
}
