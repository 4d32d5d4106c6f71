using Simulator.Engine.Loop;
using Simulator.Engine.Time;

namespace Simulator.World.Simulation;

/// <summary>Gives the recommender its batch slot at the end of every tick; it decides what is due.</summary>
internal sealed class RecommenderTrainSystem(WorldState world) : ISimSystem
{
    public SimPhase Phase => SimPhase.Train;

    public int UpdateOrder => 0;

    public void Update(in SimTime time)
    {
        var clock = world.Clock;
        var started = clock?.Now() ?? 0;
        world.Recommender.Advance(time.TotalSeconds + time.StepSeconds);
        world.RecommenderBatchTicks += clock is null ? 0 : clock.Now() - started;
    }
}
