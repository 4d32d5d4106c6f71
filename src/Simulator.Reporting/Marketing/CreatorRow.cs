namespace Simulator.Reporting.Marketing;

/// <summary>A line of creators.csv: a tier aggregate (rank 0) or one of the top creators by impressions.</summary>
public sealed record CreatorRow
{
    /// <summary>"tier" for an aggregate, "top" for a single creator.</summary>
    public required string Kind { get; init; }

    public required string Tier { get; init; }

    /// <summary>Creator id for a top creator, −1 for an aggregate.</summary>
    public required int Creator { get; init; }

    public required string Type { get; init; }

    public required int Creators { get; init; }

    public required long FollowersStart { get; init; }

    public required long FollowersEnd { get; init; }

    public required long Impressions { get; init; }

    public required double ImpressionShare { get; init; }

    public double FollowerGrowth => FollowersStart > 0 ? (double)(FollowersEnd - FollowersStart) / FollowersStart : double.NaN;
}
