namespace Simulator.World.Behaviour;

/// <summary>Why a session ended.</summary>
public enum SessionEndReason : byte
{
    /// <summary>The user had spent about the time they meant to and left content.</summary>
    Satisfied = 0,

    /// <summary>Left tired or bored: fatigue from low-utility or repetitive items dominated.</summary>
    Fatigue = 1,

    /// <summary>The feed ran dry (nothing left to serve).</summary>
    EmptyFeed = 2,

    /// <summary>A daily-limit prompt ended it (the user did not override).</summary>
    Limit = 3,

    /// <summary>A night curfew ended it.</summary>
    Curfew = 4,

    /// <summary>A finite feed (Following) had nothing left the user had not seen: "all caught up".</summary>
    CaughtUp = 5,
}
