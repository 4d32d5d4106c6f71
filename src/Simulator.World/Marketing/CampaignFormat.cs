namespace Simulator.World.Marketing;

/// <summary>How a campaign reaches people (DESIGN.md §4).</summary>
public enum CampaignFormat
{
    /// <summary>Hired creators post sponsored videos that the ranker distributes organically; paid per post.</summary>
    Sponsored,

    /// <summary>UGC creators make the video; the brand runs it as a paid placement in target users' feeds, paid per thousand impressions.</summary>
    UgcAd,

    /// <summary>A creator hosts a live-shopping event with a time-limited offer, promoted into target users' feeds while it lasts.</summary>
    LiveShopping,

    /// <summary>Hired creators drop a video only their followers see.</summary>
    SubscriberDrop,

    /// <summary>The brand's employees post about it from their own small accounts; a stipend per advocate.</summary>
    EmployeeAdvocacy,
}
