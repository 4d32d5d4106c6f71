using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Marketing;

/// <summary>
/// How users respond to campaign content. Not published as such: modelling choices set so that
/// the published contrasts (CALIBRATION.md §4) can emerge — nano/micro engagement above
/// macro/mega, UGC above polished ads, live commerce converting several times better — and
/// documented as such.
/// </summary>
[ImmutableObject(true)]
public sealed record MarketingOptions
{
    [Description("Utility lost on a labelled (disclosed) sponsored video, per unit of the viewer's authenticity preference.")]
    [Range(0.0, 10.0)]
    public double DisclosurePenalty { get; init; } = 0.8;

    [Description("Utility lost on a paid placement, per unit of the viewer's ad intolerance (1 − ad_tolerance).")]
    [Range(0.0, 10.0)]
    public double AdAversion { get; init; } = 0.6;

    [Description("Utility gained when the viewer follows the creator (creator–follower trust).")]
    [Range(0.0, 10.0)]
    public double FollowerTrust { get; init; } = 0.6;

    [Description("Log-odds of buying after an engaged view for an average viewer of average interest, before interest, propensity, trust, urgency and price (−7 ≈ 0.09 %). A user buys a campaign's product at most once; with the defaults about 1–3 % of reached users buy, inside the published < 2 % (ordinary live) to ≈ 30 % (best live commerce) range (CALIBRATION.md §4).")]
    [Range(-20.0, 5.0)]
    public double ConversionIntercept { get; init; } = -7.0;

    [Description("Log-odds of buying per unit of log interest in the product category (relative to an even spread of interests).")]
    [Range(0.0, 10.0)]
    public double InterestWeight { get; init; } = 1.2;

    [Description("Log-odds of buying per unit of purchase propensity above its mean of 0.2.")]
    [Range(0.0, 20.0)]
    public double PropensityWeight { get; init; } = 3.0;

    [Description("Price elasticity: log-odds of buying fall by this much per unit of log(price / $30).")]
    [Range(0.0, 5.0)]
    public double PriceElasticity { get; init; } = 0.3;

    [Description("Brand affinity moved per campaign impression: +1 step for a like, comment or share, +0.3 for an engaged view, −0.3 for a swipe-away (log-odds of 'would consider the brand').")]
    [Range(0.0, 5.0)]
    public double AffinityStep { get; init; } = 0.2;
}
