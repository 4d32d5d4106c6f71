using Simulator.World.Content;

namespace Simulator.World.Marketing;

/// <summary>One campaign while the world runs: whom it hired, what it posted, what it has spent.</summary>
public sealed class Campaign
{
    internal Campaign(CampaignOptions options, int index, double populationScale)
    {
        Options = options;
        Index = index;
        StartSecond = options.StartDay * 86_400L;
        EndSecond = (options.StartDay + options.Days) * 86_400L;
        BudgetMicros = (long)Math.Round(options.Budget * populationScale * 1e6);
    }

    public CampaignOptions Options { get; }

    public int Index { get; }

    public long StartSecond { get; }

    public long EndSecond { get; }

    /// <summary>Budget scaled to this world's population, micro-dollars.</summary>
    public long BudgetMicros { get; }

    public long SpentMicros { get; internal set; }

    /// <summary>Spent on paid placements today (for even daily pacing).</summary>
    public long SpentTodayMicros { get; internal set; }

    public bool Started { get; internal set; }

    /// <summary>Serving paid placements (or a subscriber drop) during the current tick.</summary>
    public bool Serving { get; internal set; }

    /// <summary>Videos served through ad slots (paid, live, subscriber-only), with the creator whose audience they belong to.</summary>
    public List<(int Video, int Creator, CreatorTier Tier, long CostPerImpressionMicros)> SlotVideos { get; } = [];

    /// <summary>Tier of each hired creator or advocate, by creator id.</summary>
    public Dictionary<int, CreatorTier> Hired { get; } = [];

    /// <summary>Budget that found no creator to hire in its tier, micro-dollars.</summary>
    public long UnfilledMicros { get; internal set; }

    /// <summary>Most live impressions in one tick: the peak concurrent viewers of the live stream.</summary>
    public long PeakConcurrentLive { get; internal set; }

    public bool IsPaid => Options.Format is CampaignFormat.UgcAd or CampaignFormat.LiveShopping;

    public bool UsesSlots => IsPaid || Options.Format == CampaignFormat.SubscriberDrop;

    public CreatorTier TierOf(int creator) => Hired.TryGetValue(creator, out var t) ? t : CreatorTier.Nano;
}
