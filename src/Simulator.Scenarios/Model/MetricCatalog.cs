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
        "stickiness.dau_mau",
        "stickiness.minutes_per_dau",
        "stickiness.sessions_per_dau",
        "stickiness.session_minutes",
        "stickiness.retention_d1",
        "stickiness.retention_d7",
        "stickiness.retention_d30",
        "stickiness.churn_rate",
        "fatigue.topic_entropy",
        "fatigue.repeat_topic_share",
        "fatigue.boredom_exit_share",
        "fatigue.mean_satiation",
        "engagement.completion_rate",
        "engagement.like_rate",
        "engagement.share_rate",
        "engagement.completion_7s",
        "engagement.completion_15s",
        "engagement.completion_30s",
        "engagement.completion_60s",
        "engagement.completion_90s",
        "engagement.completion_180s",
        "engagement.completion_600s",
        "policy.limit_exit_share",
        "policy.curfew_exit_share",
        "creators.exposure_gini",
        "creators.new_creator_share",
        "creators.top1pct_impression_share",
        "recommender.ndcg_at_10",
        "recommender.coverage",
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
