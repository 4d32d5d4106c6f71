namespace Simulator.World.Content;

/// <summary>Campaign markings of a video.</summary>
[Flags]
public enum VideoMarks : byte
{
    None = 0,

    /// <summary>Made for a campaign.</summary>
    Campaign = 1,

    /// <summary>Carries a paid-partnership label.</summary>
    Disclosed = 2,

    /// <summary>Served by the ad system as a paid placement, not by the organic ranker.</summary>
    Paid = 4,

    /// <summary>A live-shopping stream.</summary>
    Live = 8,

    /// <summary>Shown only to the creator's followers.</summary>
    SubscriberOnly = 16,
}
