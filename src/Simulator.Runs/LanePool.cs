using System.Diagnostics;
using Simulator.Engine.Parallel;
using Simulator.Reporting.Results;
using Simulator.Scenarios.Model;

namespace Simulator.Runs;

/// <summary>
/// Runs the replications of one or more arms as one queue on parallel lanes: every (arm,
/// replication) pair is a work item, taken arm by arm and replication by replication by whichever
/// lane is free, so a study's arms do not each end with a lone replication on one lane. The lanes
/// share the cores (<see cref="ThreadShare"/>): a lane left running when the queue is empty uses the
/// cores of the lanes that have stopped. Each replication is deterministic on any thread count, so
/// lanes change wall time only.
/// </summary>
internal static class LanePool
{
    /// <summary>One arm's replications as far as they got, in index order, and the wall seconds from its first start to its last end.</summary>
    public sealed record ArmRun(List<ReplicationResult> Replications, double WallSeconds);

    /// <param name="scenarios">The arms' scenarios.</param>
    /// <param name="planned">Replications per arm.</param>
    /// <param name="options">Options shared by every arm.</param>
    /// <param name="lanes">Replications run side by side.</param>
    /// <param name="progress">Per arm, its progress display or null.</param>
    /// <param name="forks">Per arm, the burn-in its replications start from, or null for its own warm-up.</param>
    /// <param name="waits">Per arm, whether it waits for another arm's burn-in (a forked variant, not its group's baseline); null for none.</param>
    /// <param name="token">Stops the running replications at a tick boundary.</param>
    public static ArmRun[] Run(IReadOnlyList<Scenario> scenarios, IReadOnlyList<int> planned, RunOptions options, int lanes, IReadOnlyList<IRunProgress?> progress, IReadOnlyList<ForkSource?> forks, IReadOnlyList<bool>? waits, CancellationToken token)
    {
        var share = new ThreadShare(Math.Max(lanes, options.Threads));
        var inner = options with { Share = share };
        var items = new List<(int Arm, int Replication)>();
        for (var a = 0; a < scenarios.Count; a++)
        {
            for (var r = 0; r < planned[a]; r++)
            {
                items.Add((a, r));
            }
        }

        // Forked studies take their replications a lane-full at a time: within the block, the arms
        // that burn in (every group's baseline) before the arms that start from a burn-in, so the
        // lanes run burn-ins side by side rather than one waiting on another's; a burn-in is dropped
        // once every arm of its group has started from it.
        if (waits is not null && waits.Any(w => w))
        {
            items = [.. items.OrderBy(i => i.Replication / lanes).ThenBy(i => waits[i.Arm]).ThenBy(i => i.Arm).ThenBy(i => i.Replication)];
        }

        var slots = planned.Select(p => new ReplicationResult?[p]).ToArray();
        var sinks = progress.Select((p, a) => p is null ? null : new LaneProgress(p, planned[a])).ToArray();
        var firstStart = Enumerable.Repeat(long.MaxValue, scenarios.Count).ToArray();
        var lastEnd = new long[scenarios.Count];
        var next = -1;
        Exception? failure = null;

        // Every lane holds its share before any starts, so none runs its first steps on all cores.
        var holdings = Enumerable.Range(0, lanes).Select(_ => share.Hold()).ToArray();
        var threads = new Thread[lanes];
        for (var l = 0; l < lanes; l++)
        {
            var holding = holdings[l];
            threads[l] = new Thread(() =>
            {
                using (holding)
                {
                    try
                    {
                        int i;
                        while ((i = Interlocked.Increment(ref next)) < items.Count && !token.IsCancellationRequested && failure is null)
                        {
                            var (a, r) = items[i];
                            Earliest(ref firstStart[a], Stopwatch.GetTimestamp());
                            slots[a][r] = ReplicationRunner.Run(scenarios[a], inner with { Fork = forks[a] }, r, planned[a], sinks[a], null, token);
                            Latest(ref lastEnd[a], Stopwatch.GetTimestamp());
                        }
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        Interlocked.CompareExchange(ref failure, ex, null);
                    }
                }
            })
            { IsBackground = true, Name = $"replication-lane-{l}" };
            threads[l].Start();
        }

        foreach (var t in threads)
        {
            t.Join();
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("A replication failed.", failure);
        }

        // Index order, as far as replications got: an interrupted run keeps what it has.
        return [.. slots.Select((s, a) => new ArmRun(
            [.. s.Where(x => x is not null).Select(x => x!)],
            firstStart[a] == long.MaxValue ? 0 : Stopwatch.GetElapsedTime(firstStart[a], lastEnd[a]).TotalSeconds))];
    }

    private static void Earliest(ref long slot, long value)
    {
        long seen;
        while (value < (seen = Volatile.Read(ref slot)) && Interlocked.CompareExchange(ref slot, value, seen) != seen)
        {
        }
    }

    private static void Latest(ref long slot, long value)
    {
        long seen;
        while (value > (seen = Volatile.Read(ref slot)) && Interlocked.CompareExchange(ref slot, value, seen) != seen)
        {
        }
    }
}
