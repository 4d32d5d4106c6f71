namespace Recommender.Abstractions;

/// <summary>A feed request from a client.</summary>
/// <param name="UserId">Requesting account.</param>
/// <param name="NowSecond">Simulated second of the request.</param>
/// <param name="LocalHour">Hour of day in the user's time zone (0–23).</param>
/// <param name="SessionPosition">Items already served in this session.</param>
public readonly record struct RecommendationRequest(int UserId, long NowSecond, int LocalHour, int SessionPosition);
