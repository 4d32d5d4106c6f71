using Simulator.Engine.Time;

namespace Simulator.Engine.Loop;

/// <summary>
/// One unit of per-tick work, in the shape of MonoGame's <c>IUpdateable</c>: a phase, an
/// order inside the phase (ties break by registration order) and an update.
/// </summary>
public interface ISimSystem
{
    /// <summary>The phase this system runs in.</summary>
    SimPhase Phase { get; }

    /// <summary>Order inside the phase; lower runs first.</summary>
    int UpdateOrder { get; }

    /// <summary>Advances the system by one tick.</summary>
    void Update(in SimTime time);
}
