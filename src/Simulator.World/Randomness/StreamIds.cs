namespace Simulator.World.Randomness;

/// <summary>
/// Stream numbers of the synthetic world. Keeping them in one place stops two
/// systems from drawing the same dice by accident; variants that must share dice
/// (common random numbers) use the same stream for the same purpose.
/// </summary>
public static class StreamIds
{
    /// <summary>Persona traits drawn once per user.</summary>
    public const ulong Persona = 1;

    /// <summary>Per-impression behaviour of a user (swipe, watch, reactions, quit).</summary>
    public const ulong Behaviour = 2;

    /// <summary>Return-time sampling between sessions.</summary>
    public const ulong Return = 3;

    /// <summary>Creator traits drawn once per creator.</summary>
    public const ulong Creator = 4;

    /// <summary>Video uploads and their attributes.</summary>
    public const ulong Upload = 5;

    /// <summary>Recommender exploration and random policies.</summary>
    public const ulong Recommender = 6;

    /// <summary>Follows that users hold before the run.</summary>
    public const ulong Follow = 7;

    /// <summary>Campaign set-up: hiring, campaign videos, advocates.</summary>
    public const ulong Campaign = 8;

    /// <summary>Taste vectors of users, creators and videos, and the hashtags an upload carries.</summary>
    public const ulong Taste = 9;

    /// <summary>Account choices a user makes once (switching personalisation off).</summary>
    public const ulong Choice = 10;
}
