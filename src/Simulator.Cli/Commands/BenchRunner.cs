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

    public int Threads => Settings.Threads;

    public int Users => Settings.Population.Size;
}

/// <summary>Builds the world, runs its warm-up untimed, then times the reported days with a profiling clock.</summary>
internal static class BenchRunner
{
    public static BenchRun Run(WorldSettings settings, string label, CancellationToken token)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        using var world = new SimulationWorld(settings);
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
        return new BenchRun
        {
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
