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
    public const int Count = (int)Feature.HashtagScore + 1;

    /// <summary>Each feature's name, snake case of <see cref="Feature"/>, in row order.</summary>
    public static readonly string[] Names = [.. Enum.GetNames<Feature>().Select(SnakeCase)];

    /// <summary>
    /// The features that depend only on the user, the account and the request, never on the
    /// video (user_log_impressions, user_finish_rate, user_like_rate, session_position,
    /// local_hour, device, teen_account): one bit per feature index. All candidates of one
    /// request share them, which lets the tree evaluator resolve their splits once per request.
    /// </summary>
    public const ulong RequestShared = (1UL << (int)Feature.UserLogImpressions) | (1UL << (int)Feature.UserFinishRate)
        | (1UL << (int)Feature.UserLikeRate) | (1UL << (int)Feature.SessionPosition) | (1UL << (int)Feature.LocalHour)
        | (1UL << (int)Feature.Device) | (1UL << (int)Feature.TeenAccount);

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
        f[(int)Feature.UserTopicAffinity * step] = s.Users.TopicAffinity(user, s.Catalog.Topic(video));
        ref readonly var tags = ref s.Catalog.Hashtags(video);
        f[(int)Feature.EmbeddingScore * step] = s.Embeddings.Score(user, video, tags);
        f[(int)Feature.VideoLogImpressions * step] = MathF.Log(1f + s.Videos.Impressions(video));
        f[(int)Feature.VideoFinishRate * step] = s.Videos.FinishRate(video);
        f[(int)Feature.VideoLikeRate * step] = s.Videos.LikeRate(video);
        f[(int)Feature.VideoShareRate * step] = s.Videos.ShareRate(video);
        f[(int)Feature.VideoNotInterestedRate * step] = s.Videos.NotInterestedRate(video);
        f[(int)Feature.VideoLogAgeHours * step] = MathF.Log(1f + Math.Max(0, now - s.Catalog.UploadSecond(video)) / 3600f);
        f[(int)Feature.VideoLogLength * step] = MathF.Log(s.Catalog.Length(video));
        f[(int)Feature.FollowsCreator * step] = s.Follows.Follows(user, creator) ? 1f : 0f;
        f[(int)Feature.CreatorLogFollowers * step] = MathF.Log(1f + s.Follows.Followers(creator));
        f[(int)Feature.SameCountry * step] = s.Accounts.Region(user) == s.Catalog.Region(video) ? 1f : 0f;
        f[(int)Feature.HashtagScore * step] = s.Embeddings.TagScore(user, tags);
    }

    // The request-shared features (RequestShared), into a row.
    private static void FillRequest(PlatformState s, int user, int hour, int position, Span<float> f)
    {
        f[(int)Feature.UserLogImpressions] = MathF.Log(1f + s.Users.Impressions(user));
        f[(int)Feature.UserFinishRate] = s.Users.FinishRate(user);
        f[(int)Feature.UserLikeRate] = s.Users.LikeRate(user);
        f[(int)Feature.SessionPosition] = MathF.Log(1f + position);
        f[(int)Feature.LocalHour] = hour;
        f[(int)Feature.Device] = (float)s.Accounts.Device(user);
        f[(int)Feature.TeenAccount] = s.Accounts.IsTeen(user) ? 1f : 0f;
    }

    /// <summary>Engagement value of an outcome for embeddings and user history: watched most of it, or reacted.</summary>
    public static bool IsPositive(in ImpressionFeedback f, float length) =>
        (f.Reactions & (Reactions.Finished | Reactions.Liked | Reactions.Shared | Reactions.Commented | Reactions.Followed)) != 0
        || f.WatchSeconds >= 0.6f * length;

    // UserTopicAffinity → user_topic_affinity.
    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
