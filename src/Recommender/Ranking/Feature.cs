namespace Recommender.Ranking;

/// <summary>
/// The ranking features, by position in a feature row (the order the models were trained on).
/// Names in logs and docs are these in snake case (<see cref="Features.Names"/>).
/// </summary>
internal enum Feature
{
    UserTopicAffinity = 0,
    EmbeddingScore,
    VideoLogImpressions,
    VideoFinishRate,
    VideoLikeRate,
    VideoShareRate,
    VideoNotInterestedRate,
    VideoLogAgeHours,
    VideoLogLength,
    FollowsCreator,
    CreatorLogFollowers,
    UserLogImpressions,
    UserFinishRate,
    UserLikeRate,
    SessionPosition,
    LocalHour,
    SameCountry,
    Device,
    TeenAccount,
    HashtagScore,
}
