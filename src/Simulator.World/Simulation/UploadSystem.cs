using Simulator.Engine.Loop;
using Simulator.Engine.Time;

namespace Simulator.World.Simulation;

/// <summary>Creators upload during the tick; new videos join the catalogue for the next tick.</summary>
internal sealed class UploadSystem(WorldState world) : ISimSystem
{
    public SimPhase Phase => SimPhase.Creators;

    public int UpdateOrder => 0;

    public void Update(in SimTime time) =>
        world.Today.Uploads += world.Content.UploadDuring(time.TotalSeconds, time.StepSeconds);
}
