using Simulator.Engine.Snapshots;
using Simulator.Reporting.Collection;
using Simulator.Scenarios.Model;
using Simulator.World.Simulation;

namespace Simulator.Runs;

/// <summary>
/// The settled platform the forked arms of a study start from: per replication, the baseline run
/// through its warm-up once and kept as a snapshot in memory until every forked arm of that
/// replication has been restored from it. The first arm to need a replication's burn-in runs it;
/// an arm needing it meanwhile waits. The burn-in is the baseline's own world, so an arm that
/// forks is the baseline up to the end of the warm-up and its own scenario from then on.
/// </summary>
internal sealed class ForkSource
{
    private readonly Scenario _baseline;
    private readonly RunOptions _options;
    private readonly byte[]?[] _images;
    private readonly bool[] _burnt;
    private readonly object[] _gates;
    private readonly int[] _left;
    private readonly IRunProgress? _progress;
    private readonly CancellationToken _token;
    private readonly CheckpointPlan? _from;
    private readonly Func<int, string>? _snapshotFor;

    /// <param name="baseline">The scenario whose warm-up every forked arm shares.</param>
    /// <param name="options">The study's run options.</param>
    /// <param name="replications">Replications per arm.</param>
    /// <param name="arms">Arms that fork, each restoring every replication once.</param>
    /// <param name="progress">Where the burn-ins report progress (the baseline's display), or null.</param>
    /// <param name="token">Stops a burn-in at a tick boundary.</param>
    /// <param name="forkTick">The tick the forks start at (default: the first reported one).</param>
    /// <param name="from">Checkpoints of the baseline that the burn-ins start from instead of the beginning (a branch), or null.</param>
    /// <param name="snapshotFor">With <paramref name="from"/>: the snapshot each replication starts from.</param>
    public ForkSource(Scenario baseline, RunOptions options, int replications, int arms, IRunProgress? progress, CancellationToken token, long forkTick = 0, CheckpointPlan? from = null, Func<int, string>? snapshotFor = null)
    {
        _baseline = baseline;
        _from = from;
        _snapshotFor = snapshotFor;
        ForkTick = forkTick;
        _progress = progress;
        _token = token;
        _options = options with { Fork = null, Checkpoints = null };
        _images = new byte[]?[replications];
        _burnt = new bool[replications];
        _gates = [.. Enumerable.Range(0, replications).Select(_ => new object())];
        _left = [.. Enumerable.Repeat(arms, replications)];
    }

    /// <summary>The tick the forks start at: the first reported tick, after the warm-up, unless a branch says otherwise.</summary>
    public long ForkTick { get; }

    /// <summary>
    /// Restores <paramref name="state"/> (built from the arm's own scenario) from the burn-in of
    /// <paramref name="replication"/>; false when the burn-in was stopped (Ctrl+C).
    /// </summary>
    /// <param name="state">The arm's world as built from its own scenario.</param>
    /// <param name="replication">Which replication.</param>
    /// <param name="lane">The caller's run options (its lane's share of the cores), for a burn-in it runs.</param>
    public bool RestoreInto(ReplicationState state, int replication, RunOptions lane)
    {
        byte[]? image;
        lock (_gates[replication])
        {
            if (!_burnt[replication])
            {
                _images[replication] = BurnIn(replication, lane);
                _burnt[replication] = true;
            }

            image = _images[replication];
        }

        if (image is not null)
        {
            using var stream = new MemoryStream(image, writable: false);
            SnapshotFile.Restore(stream, $"the burn-in of replication {replication}", state, _ => null);
        }

        if (Interlocked.Decrement(ref _left[replication]) == 0)
        {
            lock (_gates[replication])
            {
                _images[replication] = null;
            }
        }

        return image is not null;
    }

    private byte[]? BurnIn(int replication, RunOptions lane)
    {
        var settings = ReplicationSettings.For(_baseline, replication, lane.Threads, _options.Scale) with { Share = lane.Share };
        using var world = new SimulationWorld(settings);
        var collector = new DailyCollector();
        world.AddObserver(collector);
        var state = new ReplicationState(world, collector);
        if (_from is not null)
        {
            Checkpoints.Restore(_from, state, replication, settings.Seed, _snapshotFor?.Invoke(replication));
        }

        if (_progress is { } progress)
        {
            world.Loop.Add(ProgressSystem.For(world, collector, progress, replication, _left.Length, _options));
        }

        if (!world.Loop.RunUntil(ForkTick, _token))
        {
            return null;
        }

        foreach (var system in world.Loop.Systems.OfType<ProgressSystem>().ToList())
        {
            world.Loop.Remove(system);
        }

        using var image = new MemoryStream();
        var header = new SnapshotHeader { DefinitionHash = "", Seed = settings.Seed, Replication = replication, Tick = world.Loop.Now.Tick, Build = "" };
        SnapshotFile.Write(image, header, state);
        return image.ToArray();
    }
}
