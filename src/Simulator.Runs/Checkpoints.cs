using Simulator.Engine.Snapshots;

namespace Simulator.Runs;

/// <summary>Writes and restores a replication's snapshots at tick boundaries, as a <see cref="CheckpointPlan"/> says.</summary>
internal static class Checkpoints
{
    /// <summary>Restores <paramref name="state"/> (freshly built) from the replication's snapshot, refusing one of another scenario, build or seed.</summary>
    public static void Restore(CheckpointPlan plan, ReplicationState state, int replication, ulong seed, string? path = null) =>
        SnapshotFile.Restore(path ?? plan.PathFor(replication), state, header =>
            header.Build != plan.Build ? $"it was written by build {header.Build}; this is {plan.Build} (a snapshot is read only by the build that wrote it)"
            : header.DefinitionHash != plan.ScenarioHash ? $"it belongs to another version of the scenario (sha256 {Short(header.DefinitionHash)}, this file is {Short(plan.ScenarioHash)})"
            : header.Replication != replication || header.Seed != seed ? $"it holds replication {header.Replication} (seed {header.Seed}), not replication {replication} (seed {seed})"
            : null);

    /// <summary>
    /// Runs the loop to its end, writing a snapshot every <see cref="CheckpointPlan.EveryDays"/>,
    /// when stopped, and at the end. Returns true when the replication reached its end.
    /// </summary>
    public static bool RunWith(CheckpointPlan plan, ReplicationState state, int replication, ProgressSystem? shown, CancellationToken token)
    {
        var loop = state.World.Loop;
        var end = state.World.EndTick;
        var every = plan.EveryDays * (86_400L / state.World.Settings.TickSeconds);
        System.IO.Directory.CreateDirectory(plan.Directory);
        while (true)
        {
            var next = every > 0 ? Math.Min(end, NextMultiple(loop.Now.Tick, every)) : end;
            var reached = loop.RunUntil(next, token) && loop.Now.Tick >= next;
            Write(plan, state, replication, shown);
            if (!reached)
            {
                return false;
            }

            if (loop.Now.Tick >= end)
            {
                return true;
            }
        }
    }

    // The progress display belongs to this process, not to the state: it is taken out of the loop while the loop is saved.
    private static void Write(CheckpointPlan plan, ReplicationState state, int replication, ProgressSystem? shown)
    {
        var loop = state.World.Loop;
        if (shown is not null)
        {
            loop.Remove(shown);
        }

        var header = new SnapshotHeader
        {
            DefinitionHash = plan.ScenarioHash,
            Seed = state.World.Settings.Seed,
            Replication = replication,
            Tick = loop.Now.Tick,
            Build = plan.Build,
            Source = plan.Source?.ToJson() ?? "",
        };
        SnapshotFile.Write(plan.PathFor(replication), header, state);
        if (plan.KeepDays && loop.Now.Tick % (86_400L / state.World.Settings.TickSeconds) == 0)
        {
            File.Copy(plan.PathFor(replication), plan.PathFor(replication, loop.Now.Day), overwrite: true);
        }
        if (shown is not null)
        {
            loop.Add(shown);
        }
    }

    private static long NextMultiple(long tick, long every)
    {
        var next = (long)Math.Floor(tick / (double)every) * every + every;
        return next;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
