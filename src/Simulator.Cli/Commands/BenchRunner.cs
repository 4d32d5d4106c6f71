using System.Diagnostics;
using Recommender.Diagnostics;
using Simulator.Engine.Loop;
using Simulator.World.Simulation;

namespace Simulator.Cli.Commands;

/// <summary>One timed bench run's figures (what <see cref="BenchReport"/> writes out).</summary>
internal sealed record BenchRun
{
    public required WorldSettings Settings { get; init; }

    public required string Label { get; init; }

    public required double BuildSeconds { get; init; }

    public required double WarmupSeconds { get; init; }

    /// <summary>Wall seconds of the timed days.</summary>
    public required double Seconds { get; init; }

    public required long Impressions { get; init; }

    public required long Requests { get; init; }

    public required long SlotsServed { get; init; }

    public required long BytesAfterBuild { get; init; }

    public required long BytesAtEnd { get; init; }

    /// <summary>Bytes of the recommender's fixed-size rolling log.</summary>
    public required long LogBytes { get; init; }

    public required long WorkingSet { get; init; }

    public required long PeakWorkingSet { get; init; }

    /// <summary>Each system's seconds in the timed days, in update order.</summary>
    public required IReadOnlyList<(WorldSystem Role, SimPhase Phase, double Seconds)> Systems { get; init; }

    /// <summary>Seconds in feed requests, per thread (summed over threads, divided by their number).</summary>
    public required double RecommendSeconds { get; init; }

    /// <summary>Seconds per ranked-request stage, per thread.</summary>
    public required IReadOnlyList<(string Stage, double Seconds)> Stages { get; init; }

    /// <summary>Array bytes per part of the state at the end.</summary>
    public required IReadOnlyList<(string Part, long Bytes)> Footprint { get; init; }

    /// <summary>The end state's snapshot: bytes, seconds to write it, seconds to restore it into a freshly built world; null unless asked for.</summary>
    public (long Bytes, double WriteSeconds, double ReadSeconds)? Snapshot { get; init; }

    public int Threads => Settings.Threads;

    public int Users => Settings.Population.Size;
}

/// <summary>Builds the world, runs its warm-up untimed, then times the reported days with a profiling clock.</summary>
internal static class BenchRunner
{
    /// <param name="settings">The world to time.</param>
    /// <param name="label">The report's heading suffix.</param>
    /// <param name="token">Stops the run at a tick boundary.</param>
    /// <param name="snapshotDirectory">Where to time writing the end state's snapshot and restoring it; null for no snapshot.</param>
    /// <param name="observer">A progress sink to attach as a run attaches one (the loop's draw and the daily collector feeding it), to time what watching costs; null for none.</param>
    public static BenchRun Run(WorldSettings settings, string label, CancellationToken token, string? snapshotDirectory = null, Runs.IRunProgress? observer = null)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        using var world = new SimulationWorld(settings);
        if (observer is not null)
        {
            var days = new Reporting.Collection.DailyCollector();
            world.AddObserver(days);
            world.Loop.Add(Runs.ProgressSystem.For(world, days, observer, 0, 1, new Runs.RunOptions { Threads = settings.Threads }));
        }

        build.Stop();
        var afterBuild = GC.GetTotalMemory(forceFullCollection: true) - before;
        var warm = Stopwatch.StartNew();
        world.Loop.RunUntil(0, token);
        warm.Stop();
        world.ProfileWith(new ProfileClock(Stopwatch.GetTimestamp, Stopwatch.Frequency));
        var (requestsBefore, slotsBefore) = (world.Requests, world.SlotsServed);
        var clock = Stopwatch.StartNew();
        world.Loop.RunUntil(world.EndTick, token);
        clock.Stop();
        var atEnd = GC.GetTotalMemory(forceFullCollection: true) - before;
        var threads = settings.Threads;
        var snapshot = snapshotDirectory is null ? ((long, double, double)?)null : TimeSnapshot(world, snapshotDirectory);
        return new BenchRun
        {
            Snapshot = snapshot,
            Settings = settings,
            Label = label,
            BuildSeconds = build.Elapsed.TotalSeconds,
            WarmupSeconds = warm.Elapsed.TotalSeconds,
            Seconds = clock.Elapsed.TotalSeconds,
            // The world's impression count restarts when the warm-up ends, so it covers the timed days.
            Impressions = world.TotalImpressions,
            Requests = world.Requests - requestsBefore,
            SlotsServed = world.SlotsServed - slotsBefore,
            BytesAfterBuild = afterBuild,
            BytesAtEnd = atEnd,
            LogBytes = world.Recommender.LogBytes,
            WorkingSet = Environment.WorkingSet,
            PeakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64,
            Systems = [.. world.Loop.SystemSeconds().Select(p => (world.RoleOf(p.System), p.System.Phase, p.Seconds))],
            RecommendSeconds = world.RecommendSeconds / threads,
            Stages = [.. world.Recommender.StageSeconds().Select(p => (p.Stage, p.Seconds / threads))],
            Footprint = Footprint(world),
        };
    }

    // Writes the world's snapshot, builds a second world from the same settings (untimed) and restores it.
    private static (long, double, double) TimeSnapshot(SimulationWorld world, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $".bench-{Environment.ProcessId}.snapshot");
        try
        {
            var header = new Engine.Snapshots.SnapshotHeader { DefinitionHash = "bench", Seed = world.Settings.Seed, Replication = 0, Tick = world.Loop.Now.Tick, Build = BuildInfo.Version };
            var write = Stopwatch.StartNew();
            var bytes = Engine.Snapshots.SnapshotFile.Write(path, header, world);
            write.Stop();
            using var fresh = new SimulationWorld(world.Settings);
            var read = Stopwatch.StartNew();
            Engine.Snapshots.SnapshotFile.Restore(path, fresh, _ => null);
            read.Stop();
            return (bytes, write.Elapsed.TotalSeconds, read.Elapsed.TotalSeconds);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Array bytes per part of the state at the end of the run: where the bytes per user go.
    private static List<(string Part, long Bytes)> Footprint(SimulationWorld world)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var rows = new List<(string Part, long Bytes)>();
        // The recommender first: the world's content holds a reference to it.
        seen.Add(world.Recommender);
        rows.AddRange(StateFootprint.Parts(world.Recommender.StateParts(), seen).Select(p => ($"recommender: {p.Part}", p.Bytes)));
        rows.Add(("world: users (personas and state)", StateFootprint.Measure(world.Users, seen)));
        rows.Add(("world: creators and videos", StateFootprint.Measure(world.Content, seen)));
        rows.Add(("everything else reachable from the world", StateFootprint.Measure(world, seen)));
        return rows;
    }
}
