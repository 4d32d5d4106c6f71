namespace Simulator.Scenarios.Model;

/// <summary>
/// The headline metric keys (DESIGN.md §7), a public contract once published: every producer
/// and reader of a metric uses these constants; <see cref="MetricCatalog"/> lists them.
/// </summary>
public static class MetricKeys
{
    public const string DauMau = "stickiness.dau_mau";
    public const string MinutesPerDau = "stickiness.minutes_per_dau";
    /// <summary>Minutes watched per installed account per day, active or not: the time spent a field experiment's arm reports.</summary>
    public const string MinutesPerUser = "stickiness.minutes_per_user";
    public const string SessionsPerDau = "stickiness.sessions_per_dau";
    public const string SessionMinutes = "stickiness.session_minutes";
    public const string RetentionD1 = "stickiness.retention_d1";
    public const string RetentionD7 = "stickiness.retention_d7";
    public const string RetentionD30 = "stickiness.retention_d30";
    public const string ChurnRate = "stickiness.churn_rate";
    public const string TopicEntropy = "fatigue.topic_entropy";
    public const string RepeatTopicShare = "fatigue.repeat_topic_share";
    public const string BoredomExitShare = "fatigue.boredom_exit_share";
    public const string MeanSatiation = "fatigue.mean_satiation";
    public const string CompletionRate = "engagement.completion_rate";
    public const string LikeRate = "engagement.like_rate";
    public const string ShareRate = "engagement.share_rate";
    public const string Completion7s = "engagement.completion_7s";
    public const string Completion15s = "engagement.completion_15s";
    public const string Completion30s = "engagement.completion_30s";
    public const string Completion60s = "engagement.completion_60s";
    public const string Completion90s = "engagement.completion_90s";
    public const string Completion180s = "engagement.completion_180s";
    public const string Completion600s = "engagement.completion_600s";
    public const string LimitExitShare = "policy.limit_exit_share";
    public const string CurfewExitShare = "policy.curfew_exit_share";
    public const string ExposureGini = "creators.exposure_gini";
    public const string NewCreatorShare = "creators.new_creator_share";
    public const string NewcomerMedianImpressions = "creators.newcomer_median_impressions";
    public const string ViewsFirstDayShare = "content.views_first_day_share";
    public const string ViewsFirstWeekShare = "content.views_first_week_share";
    public const string FollowsPerAccount = "content.follows_per_account";
    public const string FollowingUploadsPerAccount = "content.following_uploads_per_account";
    public const string FriendFollowShare = "content.friend_follow_share";
    public const string ImpressionsPerDau = "stickiness.impressions_per_dau";
    public const string CaughtUpExitShare = "stickiness.caught_up_exit_share";
    public const string Top1PctImpressionShare = "creators.top1pct_impression_share";
    public const string NdcgAt10 = "recommender.ndcg_at_10";
    public const string Coverage = "recommender.coverage";

    public const string Homogenization = "recommender.homogenization";

    /// <summary>Day-N retention keys are this prefix and N.</summary>
    public const string RetentionPrefix = "stickiness.retention_d";

    /// <summary>Completion by length keys are this prefix, the nominal seconds and "s".</summary>
    public const string CompletionPrefix = "engagement.completion_";

    /// <summary>Per-head offline AUC keys are this prefix and the head's name.</summary>
    public const string AucPrefix = "recommender.auc.";

    /// <summary>Per-user AUC keys (finish, like) are this prefix and the head's name.</summary>
    public const string GaucPrefix = "recommender.gauc.";

    /// <summary>Follower growth by tier keys are this prefix and the tier.</summary>
    public const string FollowerGrowthPrefix = "creators.follower_growth.";

    /// <summary>Campaign keys are this prefix, the campaign's name, a dot and the metric.</summary>
    public const string CampaignPrefix = "campaigns.";

    /// <summary>The day-N retention key.</summary>
    public static string Retention(int n) => RetentionPrefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The completion key of a length bucket.</summary>
    public static string Completion(int nominalSeconds) => CompletionPrefix + nominalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "s";
}
