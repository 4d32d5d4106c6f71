namespace Recommender.Abstractions;

/// <summary>One logged impression and its outcome, as the client reports it.</summary>
/// <param name="UserId">Viewer.</param>
/// <param name="VideoId">Video shown.</param>
/// <param name="NowSecond">Simulated second the impression ended.</param>
/// <param name="WatchSeconds">Seconds watched, replays included.</param>
/// <param name="Reactions">Explicit reactions.</param>
/// <param name="Context">The serving context that came with the video in its slate (echoed back by the client).</param>
public readonly record struct ImpressionFeedback(int UserId, int VideoId, long NowSecond, float WatchSeconds, Reactions Reactions, ServeContext Context = default);
