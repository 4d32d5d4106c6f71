using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Ranking;

/// <summary>
/// The ranking features of a (user, video, context) triple. All come from what the platform
/// observes (CALIBRATION.md §6: interactions, video information, device and account settings);
/// follower count enters only as a weak creator signal, as TikTok says it is not a direct factor.
/// </summary>
internal static class Features
{
    public const int Count = 20;

    public static readonly string[] Names =
    [
        "user_topic_affinity", "embedding_score", "video_log_impressions", "video_finish_rate",
        "video_like_rate", "video_share_rate", "video_not_interested_rate", "video_log_age_hours",
        "video_log_length", "follows_creator", "creator_log_followers", "user_log_impressions",
        "user_finish_rate", "user_like_rate", "session_position", "local_hour", "same_country",
        "device", "teen_account", "hashtag_score",
    ];

    /// <summary>
    /// The features that depend only on the user, the account and the request, never on the
    /// video (user_log_impressions, user_finish_rate, user_like_rate, session_position,
    /// local_hour, device, teen_account): one bit per feature index. All candidates of one
    /// request share them, which lets the tree evaluator resolve their splits once per request.
    /// </summary>
    public const ulong RequestShared = (1UL << 11) | (1UL << 12) | (1UL << 13) | (1UL << 14) | (1UL << 15) | (1UL << 17) | (1UL << 18);

    public static void Fill(PlatformState s, int user, int video, long now, int hour, int position, Span<float> f)
    {
        FillVideo(s, user, video, now, f, 1);
        FillRequest(s, user, hour, position, f);
    }

    /// <summary>
    /// One request's features for <paramref name="videos"/>, column-major: feature j of candidate r
    /// at <c>columns[j × columnStride + r]</c>, the same numbers as <see cref="Fill"/> per row.
    /// The request-shared features are computed once and copied down their columns.
    /// </summary>
    public static void FillColumns(PlatformState s, int user, ReadOnlySpan<int> videos, long now, int hour, int position, Span<float> columns, int columnStride)
    {
        Span<float> shared = stackalloc float[Count];
        FillRequest(s, user, hour, position, shared);
        for (var j = 0; j < Count; j++)
        {
            if (((RequestShared >> j) & 1) != 0)
            {
                columns.Slice(j * columnStride, videos.Length).Fill(shared[j]);
            }
        }

        for (var r = 0; r < videos.Length; r++)
        {
            FillVideo(s, user, videos[r], now, columns[r..], columnStride);
        }
    }

    // The features that depend on the video (every one not in RequestShared), feature j at f[j × step].
    private static void FillVideo(PlatformState s, int user, int video, long now, Span<float> f, int step)
    {
        var creator = s.Catalog.Creator(video);
        f[0] = s.Users.TopicAffinity(user, s.Catalog.Topic(video));
        ref readonly var tags = ref s.Catalog.Hashtags(video);
        f[1 * step] = s.Embeddings.Score(user, video, tags);
        f[2 * step] = MathF.Log(1f + s.Videos.Impressions(video));
        f[3 * step] = s.Videos.FinishRate(video);
        f[4 * step] = s.Videos.LikeRate(video);
        f[5 * step] = s.Videos.ShareRate(video);
        f[6 * step] = s.Videos.NotInterestedRate(video);
        f[7 * step] = MathF.Log(1f + Math.Max(0, now - s.Catalog.UploadSecond(video)) / 3600f);
        f[8 * step] = MathF.Log(s.Catalog.Length(video));
        f[9 * step] = s.Follows.Follows(user, creator) ? 1f : 0f;
        f[10 * step] = MathF.Log(1f + s.Follows.Followers(creator));
        f[16 * step] = s.Accounts.Region(user) == s.Catalog.Region(video) ? 1f : 0f;
        f[19 * step] = s.Embeddings.TagScore(user, tags);
    }

    // The request-shared features (RequestShared), into a row.
    private static void FillRequest(PlatformState s, int user, int hour, int position, Span<float> f)
    {
        f[11] = MathF.Log(1f + s.Users.Impressions(user));
        f[12] = s.Users.FinishRate(user);
        f[13] = s.Users.LikeRate(user);
        f[14] = MathF.Log(1f + position);
        f[15] = hour;
        f[17] = (float)s.Accounts.Device(user);
        f[18] = s.Accounts.IsTeen(user) ? 1f : 0f;
    }

    /// <summary>Engagement value of an outcome for embeddings and user history: watched most of it, or reacted.</summary>
    public static bool IsPositive(in ImpressionFeedback f, float length) =>
        (f.Reactions & (Reactions.Finished | Reactions.Liked | Reactions.Shared | Reactions.Commented | Reactions.Followed)) != 0
        || f.WatchSeconds >= 0.6f * length;
}
