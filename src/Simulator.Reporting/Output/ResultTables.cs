using Simulator.Reporting.Collection;
using Simulator.Reporting.Marketing;
using Simulator.Reporting.Results;
using Simulator.World.Simulation;
using static Simulator.Reporting.Output.CsvFormat;

namespace Simulator.Reporting.Output;

/// <summary>The CSV result formats (DESIGN.md §7), each one table of columns; golden files pin them.</summary>
internal static class ResultTables
{
    /// <summary>daily.csv: one row per replication and reported day.</summary>
    public static readonly CsvTable<(int Rep, DailyTotals D)> Daily = new(
    [
        new("replication", r => r.Rep),
        new("day", r => r.D.Day),
        new("dau", r => r.D.Dau),
        new("mau", r => r.D.Mau),
        new("dau_mau", r => Ratio(r.D.Dau, r.D.Mau)),
        new("new_users", r => r.D.NewUsers),
        new("sessions", r => r.D.SessionsStarted),
        new("sessions_per_dau", r => Ratio(r.D.SessionsStarted, r.D.Dau)),
        new("minutes", r => Number(r.D.WatchMinutes)),
        new("minutes_per_dau", r => Ratio(r.D.WatchMinutes, r.D.Dau)),
        new("session_minutes", r => Ratio(r.D.EndedSessionMinutes, r.D.SessionsEnded)),
        new("impressions", r => r.D.Impressions),
        new("completion_rate", r => Ratio(r.D.Completions, r.D.Impressions)),
        new("like_rate", r => Ratio(r.D.Likes, r.D.Impressions)),
        new("fatigue_exit_share", r => Ratio(r.D.FatigueExits, r.D.SessionsEnded)),
        new("repeat_topic_share", r => Ratio(r.D.RepeatTopicImpressions, r.D.Impressions)),
        new("topic_entropy", r => Ratio(r.D.SessionEntropyMilli / 1000.0, r.D.SessionsWithImpressions)),
        new("mean_satiation", r => Ratio(r.D.SatiationMilli / 1000.0, r.D.Impressions)),
        new("new_creator_share", r => Ratio(r.D.NewCreatorImpressions, r.D.Impressions)),
        new("views_first_day_share", r => Ratio(r.D.FirstDayImpressions, r.D.OrganicImpressions)),
        new("views_first_week_share", r => Ratio(r.D.FirstWeekImpressions, r.D.OrganicImpressions)),
        new("follows_per_account", r => Ratio(r.D.FollowEdges, r.D.Accounts)),
        new("following_uploads_per_account", r => Ratio(r.D.FollowingUploads, r.D.Accounts)),
        new("friend_follow_share", r => Ratio(r.D.PersonalFollowEdges, r.D.FollowEdges)),
        new("caught_up_exit_share", r => Ratio(r.D.CaughtUpExits, r.D.SessionsEnded)),
        new("uploads", r => r.D.Uploads),
        new("limit_prompts", r => r.D.LimitPrompts),
        new("limit_exits", r => r.D.LimitExits),
        new("curfew_exits", r => r.D.CurfewExits),
    ]);

    /// <summary>segments.csv: one row per replication, dimension and segment.</summary>
    public static readonly CsvTable<(int Rep, SegmentRow S)> Segments = new(
    [
        new("replication", r => r.Rep),
        new("dimension", r => r.S.Dimension),
        new("segment", r => r.S.Segment),
        new("users", r => r.S.Users),
        new("ever_active", r => r.S.EverActive),
        new("daily_active_share", r => Number(r.S.DailyActiveShare)),
        new("minutes_per_dau", r => Number(r.S.MinutesPerDau)),
        new("sessions_per_dau", r => Number(r.S.SessionsPerDau)),
        new("minutes_per_session", r => Number(r.S.MinutesPerSession)),
        new("retention_d1", r => Number(r.S.RetentionD1)),
        new("retention_d7", r => Number(r.S.RetentionD7)),
        new("completion_rate", r => Number(r.S.CompletionRate)),
        new("repeat_topic_share", r => Number(r.S.RepeatTopicShare)),
        new("fatigue_exit_share", r => Number(r.S.FatigueExitShare)),
        new("topic_entropy", r => Number(r.S.TopicEntropy)),
    ]);

    /// <summary>recommender.csv: one row per replication and offline evaluation.</summary>
    public static readonly CsvTable<(int Rep, Recommender.Evaluation.OfflineEvaluation E)> Evaluations = new(
    [
        new("replication", r => r.Rep),
        new("day", r => r.E.AtSecond / 86_400.0),
        new("rows", r => r.E.Rows),
        .. Recommender.Evaluation.OfflineEvaluation.HeadNames.Select((h, i) => new CsvColumn<(int Rep, Recommender.Evaluation.OfflineEvaluation E)>("auc_" + h, r => Number(r.E.Auc[i]))),
        new("gauc_finish", r => Number(r.E.GaucFinish)),
        new("gauc_like", r => Number(r.E.GaucLike)),
        new("ndcg_at_10", r => Number(r.E.NdcgAt10)),
        new("coverage", r => Number(r.E.Coverage)),
    ]);

    /// <summary>campaigns.csv: one row per replication, campaign and tier (and "all").</summary>
    public static readonly CsvTable<(int Rep, CampaignRow C)> Campaigns = new(
    [
        new("replication", r => r.Rep),
        new("campaign", r => r.C.Campaign),
        new("format", r => r.C.Format),
        new("tier", r => r.C.Tier),
        new("creators", r => r.C.Creators),
        new("posts", r => r.C.Posts),
        new("spend", r => Number(r.C.Spend)),
        new("impressions", r => r.C.Impressions),
        new("reach", r => r.C.Reach),
        new("frequency", r => Number(r.C.Frequency)),
        new("engagements", r => r.C.Engagements),
        new("engagement_rate", r => Number(r.C.EngagementRate)),
        new("engagement_rate_followers", r => Number(r.C.EngagementRateFollowers)),
        new("follows", r => r.C.Follows),
        new("conversions", r => r.C.Conversions),
        new("revenue", r => Number(r.C.Revenue)),
        new("cpm", r => Number(r.C.Cpm)),
        new("cpe", r => Number(r.C.Cpe)),
        new("cpa", r => Number(r.C.Cpa)),
        new("roas", r => Number(r.C.Roas)),
    ]);

    /// <summary>creators.csv: per replication, creator tiers and the top creators.</summary>
    public static readonly CsvTable<(int Rep, CreatorRow C)> Creators = new(
    [
        new("replication", r => r.Rep),
        new("kind", r => r.C.Kind),
        new("tier", r => r.C.Tier),
        new("creator", r => r.C.Creator),
        new("type", r => r.C.Type),
        new("creators", r => r.C.Creators),
        new("followers_start", r => r.C.FollowersStart),
        new("followers_end", r => r.C.FollowersEnd),
        new("follower_growth", r => Number(r.C.FollowerGrowth)),
        new("impressions", r => r.C.Impressions),
        new("impression_share", r => Number(r.C.ImpressionShare)),
    ]);

    /// <summary>Every replication's rows of one kind, tagged with the replication index.</summary>
    public static IEnumerable<(int Rep, T Row)> Rows<T>(RunResult run, Func<ReplicationResult, IEnumerable<T>> rows) =>
        run.Replications.SelectMany(rep => rows(rep).Select(row => (rep.Index, row)));
}
