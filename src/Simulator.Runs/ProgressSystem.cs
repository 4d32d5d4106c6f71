using Simulator.Engine.Loop;
using Simulator.Engine.Time;
using Simulator.World.Simulation;

namespace Simulator.Runs;

/// <summary>The loop's "draw": reports progress every few simulated minutes. Reads, never writes, the world.</summary>
internal sealed class ProgressSystem(SimulationWorld world, IRunProgress sink, int replication, int replications, int everyTicks) : ISimSystem
{
    /// <summary>The progress display of a replication's world, reporting every <see cref="RunOptions.ProgressEveryMinutes"/> simulated minutes.</summary>
    public static ProgressSystem For(SimulationWorld world, IRunProgress sink, int replication, int replications, RunOptions options) =>
        new(world, sink, replication, replications, Math.Max(1, options.ProgressEveryMinutes * 60 / world.Settings.TickSeconds));

    public SimPhase Phase => SimPhase.Observe;

    public int UpdateOrder => 0;

    public void Update(in SimTime time)
    {
        var start = world.Loop.StartTick;
        var done = time.Tick + 1 - start;
        if (done % everyTicks != 0 && time.Tick + 1 != world.EndTick)
        {
            return;
        }

        sink.Report(new RunProgress(replication, replications, done, world.EndTick - start, time.Day, world.Settings.Days, world.TotalImpressions, world.ActiveSessions, world.Sleeping));
    }
}
