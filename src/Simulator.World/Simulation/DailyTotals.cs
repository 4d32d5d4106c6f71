namespace Simulator.World.Simulation;

/// <summary>Raw counts of one simulated day (UTC), from which the reported metrics are derived.</summary>
/// <remarks>A plain mutable struct of fields on purpose: chunks accumulate into it by reference on the hot path.</remarks>
#pragma warning disable CA1051 // Visible fields: see remarks.
public struct DailyTotals : IEquatable<DailyTotals>
{
    public int Day;
    public int Dau;
    public int Mau;
    public int NewUsers;

    /// <summary>Accounts installed by the end of the day (the denominator of <see cref="FollowingUploads"/>).</summary>
    public int Accounts;

    /// <summary>Follow edges the platform holds at the end of the day, over all accounts.</summary>
    public long FollowEdges;

    /// <summary>Of <see cref="FollowEdges"/>, those to personal accounts (friends).</summary>
    public long PersonalFollowEdges;
    public long SessionsStarted;
    public long SessionsEnded;
    /// <summary>Length of sessions ended today, milliseconds (integers keep sums independent of chunking).</summary>
    public long EndedSessionMs;
    public long FatigueExits;
    public long EmptyFeedExits;

    /// <summary>Sessions that ended on a finite feed with nothing left to show ("all caught up").</summary>
    public long CaughtUpExits;
    public long LimitExits;
    public long CurfewExits;
    public long LimitPrompts;
    public long LimitOverrides;
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

    /// <summary>Sum of the utility users felt, in thousandths (hidden-state diagnostic: how well the feed matches).</summary>
    public long UtilityMilli;
    public long Uploads;

    /// <summary>Catalogue uploads of the day times their creator's followers: new videos in Following tabs, summed over accounts.</summary>
    public long FollowingUploads;

    /// <summary>Sum over impressions of the viewer's satiation with the video's topic, in thousandths.</summary>
    public long SatiationMilli;

    /// <summary>Sum over ended sessions of the session's topic entropy (bits), in thousandths.</summary>
    public long SessionEntropyMilli;

    /// <summary>Impressions of videos by creators whose first upload came during the reported run (day 0 on).</summary>
    public long NewCreatorImpressions;

    /// <summary>Impressions of catalogue videos (slot videos of the ad system left out): the denominator of the view-age shares.</summary>
    public long OrganicImpressions;

    /// <summary>Impressions of catalogue videos posted less than 24 hours before.</summary>
    public long FirstDayImpressions;

    /// <summary>Impressions of catalogue videos posted less than 7 days before.</summary>
    public long FirstWeekImpressions;

    /// <summary>Ended sessions with at least one impression (the denominator of <see cref="SessionEntropyMilli"/>).</summary>
    public long SessionsWithImpressions;

    /// <summary>Impressions per length bucket (see <see cref="LengthBuckets"/>).</summary>
    public LengthBuckets ImpressionsByLength;

    /// <summary>Completed views per length bucket.</summary>
    public LengthBuckets CompletionsByLength;

    public void CountCompletion(float lengthSeconds, bool completed)
    {
        var b = LengthBuckets.BucketOf(lengthSeconds);
        ImpressionsByLength[b]++;
        if (completed)
        {
            CompletionsByLength[b]++;
        }
    }

    /// <summary>Adds a chunk's counts (all but the day-level user counts).</summary>
    /// <summary>Bytewise equality: every field is an unmanaged count, so equal bytes mean equal totals.</summary>
    public readonly bool Equals(DailyTotals other) => AsBytes(in this).SequenceEqual(AsBytes(in other));

    public override readonly bool Equals(object? obj) => obj is DailyTotals other && Equals(other);

    public override readonly int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(AsBytes(in this));
        return hash.ToHashCode();
    }

    public static bool operator ==(DailyTotals left, DailyTotals right) => left.Equals(right);

    public static bool operator !=(DailyTotals left, DailyTotals right) => !left.Equals(right);

    private static ReadOnlySpan<byte> AsBytes(in DailyTotals t) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<DailyTotals>(in t));

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
        CaughtUpExits += o.CaughtUpExits;
        LimitExits += o.LimitExits;
        CurfewExits += o.CurfewExits;
        LimitPrompts += o.LimitPrompts;
        LimitOverrides += o.LimitOverrides;
        Impressions += o.Impressions;
        WatchMs += o.WatchMs;
        Completions += o.Completions;
        Likes += o.Likes;
        Comments += o.Comments;
        Shares += o.Shares;
        Follows += o.Follows;
        NotInterested += o.NotInterested;
        RepeatTopicImpressions += o.RepeatTopicImpressions;
        UtilityMilli += o.UtilityMilli;
        SatiationMilli += o.SatiationMilli;
        NewCreatorImpressions += o.NewCreatorImpressions;
        OrganicImpressions += o.OrganicImpressions;
        FirstDayImpressions += o.FirstDayImpressions;
        FirstWeekImpressions += o.FirstWeekImpressions;
        SessionEntropyMilli += o.SessionEntropyMilli;
        SessionsWithImpressions += o.SessionsWithImpressions;
        for (var i = 0; i < LengthBuckets.Count; i++)
        {
            ImpressionsByLength[i] += o.ImpressionsByLength[i];
            CompletionsByLength[i] += o.CompletionsByLength[i];
        }
    }
}
#pragma warning restore CA1051
