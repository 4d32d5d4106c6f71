using Simulator.Reporting.Collection;
using Simulator.World.Simulation;

namespace Simulator.Runs;

/// <summary>Everything a replication's snapshot holds: the world (users, content, recommender, loop, wheel, ledgers) and the daily collector that observes it.</summary>
internal sealed class ReplicationState(SimulationWorld world, DailyCollector collector)
{
    public SimulationWorld World { get; } = world;

    public DailyCollector Collector { get; } = collector;
}
