namespace Simulator.Engine.Loop;

/// <summary>
/// The fixed phases of one tick, run in this order (a bulk-synchronous superstep, DESIGN.md §3).
/// </summary>
public enum SimPhase
{
    /// <summary>Scheduled wake-ups fire: sessions start, campaigns open, day boundaries roll.</summary>
    Schedule = 0,

    /// <summary>Users in a session ask for slates, watch and react (parallel, chunked).</summary>
    Sessions = 1,

    /// <summary>Per-chunk feedback is applied to shared state in chunk order.</summary>
    Feedback = 2,

    /// <summary>Creators upload; the catalogue grows.</summary>
    Creators = 3,

    /// <summary>Models refresh or retrain on their schedule.</summary>
    Train = 4,

    /// <summary>The "draw" phase: collectors, progress. May be skipped; must not change the world.</summary>
    Observe = 5,
}
