namespace Simulator.World.Simulation;

/// <summary>Raw counts of one simulated day (UTC), from which the reported metrics are derived.</summary>
/// <remarks>A plain mutable struct of fields on purpose: chunks accumulate into it by reference on the hot path.</remarks>
#pragma warning disable CA1051 // Visible fields: see remarks.
public struct DailyTotals
{
    public int Day;
    public int Dau;
    public int Mau;
    public int NewUsers;
    public long SessionsStarted;
    public long SessionsEnded;
    /// <summary>Length of sessions ended today, milliseconds (integers keep sums independent of chunking).</summary>
    public long EndedSessionMs;
    public long FatigueExits;
    public long EmptyFeedExits;
    public long Impressions;
    /// <summary>Watch time, milliseconds (integers keep sums independent of chunking).</summary>
    public long WatchMs;
    public long Completions;
    public long Likes;
    public long Comments;
    public long Shares;
    public long Follows;
    public long NotInterested;
    public long RepeatTopicImpressions;
    public long Uploads;

    /// <summary>Adds a chunk's counts (all but the day-level user counts).</summary>
    /// <summary>Watch time in minutes.</summary>
    public readonly double WatchMinutes => WatchMs / 60_000.0;

    /// <summary>Total length of sessions ended today, minutes.</summary>
    public readonly double EndedSessionMinutes => EndedSessionMs / 60_000.0;

    public void Add(in DailyTotals o)
    {
        SessionsEnded += o.SessionsEnded;
        EndedSessionMs += o.EndedSessionMs;
        FatigueExits += o.FatigueExits;
        EmptyFeedExits += o.EmptyFeedExits;
        Impressions += o.Impressions;
        WatchMs += o.WatchMs;
        Completions += o.Completions;
        Likes += o.Likes;
        Comments += o.Comments;
        Shares += o.Shares;
        Follows += o.Follows;
        NotInterested += o.NotInterested;
        RepeatTopicImpressions += o.RepeatTopicImpressions;
    }
}
#pragma warning restore CA1051
