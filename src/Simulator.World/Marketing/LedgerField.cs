namespace Simulator.World.Marketing;

/// <summary>Counters kept per campaign and creator tier. Money is in micro-dollars, watch time in milliseconds: integers keep sums independent of chunking.</summary>
public enum LedgerField
{
    Impressions,
    Reach,
    Engagements,
    Likes,
    Comments,
    Shares,
    Follows,
    EngagedViews,
    Conversions,
    RevenueMicros,
    SpendMicros,
    WatchMs,
    Posts,
    Creators,
    FollowersAtHire,
    LiveImpressions,
    LiveViewers,
    LiveConversions,
    Count,
}
