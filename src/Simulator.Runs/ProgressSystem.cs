using Simulator.Engine.Loop;
using Simulator.Reporting.Collection;
using Simulator.Engine.Time;
using Simulator.World.Simulation;

namespace Simulator.Runs;

/// <summary>
/// The loop's "draw": reports progress every few simulated minutes, and each reported day's totals
/// once the day has been counted (from the collector the run keeps anyway, so a resumed run hands
/// on the days it restored). Reads, never writes, the world; it belongs to this process, not to the
/// state (a checkpoint takes it out of the loop while saving).
/// </summary>
public sealed class ProgressSystem(SimulationWorld world, DailyCollector days, IRunProgress sink, int replication, int replications, int everyTicks) : ISimSystem
{
    private int _daysHanded;

    /// <summary>The progress display of a replication's world, reporting every <see cref="RunOptions.ProgressEveryMinutes"/> simulated minutes.</summary>
    public static ProgressSystem For(SimulationWorld world, DailyCollector days, IRunProgress sink, int replication, int replications, RunOptions options) =>
        new(world, days, sink, replication, replications, Math.Max(1, options.ProgressEveryMinutes * 60 / world.Settings.TickSeconds));

    public SimPhase Phase => SimPhase.Observe;

    public int UpdateOrder => 0;

    public void Update(in SimTime time)
    {
        var counted = days.Days;
        while (_daysHanded < counted.Count)
        {
            sink.DayEnded(replication, counted[_daysHanded++]);
        }

        var start = world.Loop.StartTick;
        var done = time.Tick + 1 - start;
        if (done % everyTicks != 0 && time.Tick + 1 != world.EndTick)
        {
            return;
        }

        sink.Report(new RunProgress(replication, replications, done, world.EndTick - start, time.Day, world.Settings.Days, world.TotalImpressions, world.ActiveSessions, world.Sleeping));
    }
}
