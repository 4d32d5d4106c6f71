using Recommender.Abstractions;

namespace Simulator.World.Behaviour;

/// <summary>What one impression produced.</summary>
/// <param name="WatchSeconds">Seconds watched, replays included.</param>
/// <param name="Reactions">Explicit reactions.</param>
/// <param name="Utility">The utility the user felt (hidden; for the user's own state only).</param>
/// <param name="Quit">The user ends the session after this video.</param>
/// <param name="Satiation">The user's satiation with the video's topic when it started (after decay, before this view).</param>
public readonly record struct WatchOutcome(float WatchSeconds, Reactions Reactions, float Utility, bool Quit, float Satiation = 0);
