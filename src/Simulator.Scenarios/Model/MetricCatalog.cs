namespace Simulator.Scenarios.Model;

/// <summary>
/// The headline metric keys: a public contract once published (DESIGN.md §7). Keys that a
/// run cannot compute yet (e.g. campaign metrics without campaigns) are simply absent from its
/// summary; a guardrail on an absent metric is reported as "not measured".
/// </summary>
public static class MetricCatalog
{
    /// <summary>Fixed headline keys.</summary>
    public static readonly string[] Headline =
    [
        MetricKeys.DauMau,
        MetricKeys.MinutesPerDau,
        MetricKeys.MinutesPerUser,
        MetricKeys.SessionsPerDau,
        MetricKeys.SessionMinutes,
        MetricKeys.RetentionD1,
        MetricKeys.RetentionD7,
        MetricKeys.RetentionD30,
        MetricKeys.ChurnRate,
        MetricKeys.TopicEntropy,
        MetricKeys.RepeatTopicShare,
        MetricKeys.BoredomExitShare,
        MetricKeys.MeanSatiation,
        MetricKeys.CompletionRate,
        MetricKeys.LikeRate,
        MetricKeys.ShareRate,
        MetricKeys.Completion7s,
        MetricKeys.Completion15s,
        MetricKeys.Completion30s,
        MetricKeys.Completion60s,
        MetricKeys.Completion90s,
        MetricKeys.Completion180s,
        MetricKeys.Completion600s,
        MetricKeys.LimitExitShare,
        MetricKeys.CurfewExitShare,
        MetricKeys.ExposureGini,
        MetricKeys.NewCreatorShare,
        MetricKeys.NewcomerMedianImpressions,
        MetricKeys.ViewsFirstDayShare,
        MetricKeys.ViewsFirstWeekShare,
        MetricKeys.FollowsPerAccount,
        MetricKeys.FollowingUploadsPerAccount,
        MetricKeys.FriendFollowShare,
        MetricKeys.ImpressionsPerDau,
        MetricKeys.CaughtUpExitShare,
        MetricKeys.Top1PctImpressionShare,
        MetricKeys.NdcgAt10,
        MetricKeys.Coverage,
        MetricKeys.Homogenization,
    ];

    private static readonly string[] CampaignMetrics =
    [
        "budget", "spend", "unspent", "impressions", "reach", "frequency", "engagement_rate", "engagement_rate_followers", "follows", "conversions",
        "revenue", "cpm", "cpe", "cpa", "roas", "affinity_lift", "live_viewers", "live_peak_concurrent", "live_conversion_per_viewer",
    ];

    /// <summary>True for a headline key or a well-formed campaign / per-head AUC key.</summary>
    public static bool IsKnown(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        if (Array.IndexOf(Headline, key) >= 0)
        {
            return true;
        }

        var parts = key.Split('.');
        return (parts.Length == 3 && parts[0] == "campaigns" && parts[1].Length > 0 && Array.IndexOf(CampaignMetrics, parts[2]) >= 0)
            || (parts.Length == 3 && parts[0] == "recommender" && parts[1] is "auc" or "gauc" && parts[2].Length > 0)
            || (parts.Length == 3 && parts[0] == "creators" && parts[1] == "follower_growth" && parts[2] is "nano" or "micro" or "mid" or "macro" or "mega");
    }
}
