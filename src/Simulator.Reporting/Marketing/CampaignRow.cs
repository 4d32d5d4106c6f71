namespace Simulator.Reporting.Marketing;

/// <summary>Outcomes of one campaign in one creator tier ("all" for the campaign as a whole) in one replication.</summary>
public sealed record CampaignRow
{
    public required string Campaign { get; init; }

    public required string Format { get; init; }

    /// <summary>nano … mega, or "all".</summary>
    public required string Tier { get; init; }

    public required long Creators { get; init; }

    public required long Posts { get; init; }

    /// <summary>Spend in USD in this world (budget × population / tier reference population).</summary>
    public required double Spend { get; init; }

    public required long Impressions { get; init; }

    public required long Reach { get; init; }

    public required long Engagements { get; init; }

    public required long Follows { get; init; }

    public required long Conversions { get; init; }

    public required double Revenue { get; init; }

    public required long FollowersAtHire { get; init; }

    public double Frequency => Reach > 0 ? (double)Impressions / Reach : double.NaN;

    public double EngagementRate => Impressions > 0 ? (double)Engagements / Impressions : double.NaN;

    public double EngagementRateFollowers => FollowersAtHire > 0 ? (double)Engagements / FollowersAtHire : double.NaN;

    public double Cpm => Impressions > 0 ? Spend / Impressions * 1000 : double.NaN;

    public double Cpe => Engagements > 0 ? Spend / Engagements : double.NaN;

    public double Cpa => Conversions > 0 ? Spend / Conversions : double.NaN;

    public double Roas => Spend > 0 ? Revenue / Spend : double.NaN;
}
