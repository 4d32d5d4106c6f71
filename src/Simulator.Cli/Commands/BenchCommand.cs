using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Recommender;
using Recommender.Diagnostics;
using Simulator.Engine.Loop;
using Simulator.World.Population;
using Simulator.World.Simulation;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator bench</c>: an end-to-end benchmark of the default world, or of a scenario's world
/// (one of its variants, e.g. a cheaper ranking configuration) at the given size. Runs the warm-up
/// untimed, then times the reported days with the loop's per-system profiler, and prints
/// impressions and user-days per second, where the time goes, peak memory and bytes per user.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var users = new Option<int>("--users") { Description = "Population size.", DefaultValueFactory = _ => 100_000 };
        var days = new Option<int>("--days") { Description = "Timed simulated days.", DefaultValueFactory = _ => 1 };
        var warmup = new Option<int>("--warmup-days") { Description = "Untimed warm-up days before (the ranked core trains its first model there).", DefaultValueFactory = _ => 1 };
        var policy = new Option<FeedPolicyKind?>("--policy") { Description = "Feed policy [default: ranked, or the scenario's]." };
        var scenarioFile = new Option<string?>("--scenario") { Description = "Benchmark this scenario's world (its content, behaviour, recommender, policies, campaigns) instead of the defaults; --users, --days, --warmup-days and --seed still apply." };
        var variantName = new Option<string?>("--variant") { Description = "With --scenario: benchmark this variant of it." };
        var threads = new Option<int>("--threads") { Description = "Worker threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seed = new Option<ulong>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Also append the result as Markdown to this file (e.g. results/benchmarks/bench.md)." };
        var scaling = new Option<bool>("--scaling") { Description = "Run the same bench on one thread first, then on --threads, and report each system's speed-up next to what this machine gives independent threads (two timing kernels) and the bound the serial part sets." };
        var command = new Command("bench", "End-to-end benchmark: impressions and user-days per second, time share of each system, peak memory and bytes per user.")
        {
            users, days, warmup, policy, threads, seed, output, scenarioFile, variantName, scaling,
        };
        command.SetAction(async (parse, token) =>
        {
            var n = parse.GetValue(users);
            var d = parse.GetValue(days);
            var w = parse.GetValue(warmup);
            var t = parse.GetValue(threads);
            if (n < 1 || d < 1 || w < 0 || t < 1)
            {
                await stderr.WriteLineAsync("error: --users, --days and --threads must be at least 1, --warmup-days at least 0.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var compareThreads = parse.GetValue(scaling);
            if (compareThreads && t < 2)
            {
                await stderr.WriteLineAsync($"error: --scaling compares one thread with --threads, which must then be at least 2 (got {t}).").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var settings = new WorldSettings
            {
                Seed = parse.GetValue(seed),
                Days = d,
                TickSeconds = 60,
                Population = new PopulationOptions(),
                Recommender = new RecommenderOptions(),
            };
            var label = "";
            if (parse.GetValue(scenarioFile) is { } file)
            {
                if (ScenarioInput.TryLoad(file, stderr) is not { } document)
                {
                    return ExitCodes.InvalidInput;
                }

                var scenario = document.Scenario;
                label = $", scenario {scenario.Name}";
                if (parse.GetValue(variantName) is { } name)
                {
                    var match = document.Variants.FirstOrDefault(v => v.Key == name);
                    if (match.Value is null)
                    {
                        await stderr.WriteLineAsync($"error: {file}: no variant '{name}'; the file has: {(document.Variants.Count == 0 ? "none" : string.Join(", ", document.Variants.Select(v => v.Key)))}.").ConfigureAwait(false);
                        return ExitCodes.InvalidInput;
                    }

                    scenario = match.Value;
                    label += $" variant {name}";
                }

                settings = Runs.ReplicationSettings.For(scenario, 0, t);
            }
            else if (parse.GetValue(variantName) is not null)
            {
                await stderr.WriteLineAsync("error: --variant needs --scenario.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            settings = settings with
            {
                Seed = parse.GetValue(seed),
                Days = d,
                WarmupDays = w,
                Threads = t,
                Population = settings.Population with { Size = n },
                Recommender = settings.Recommender with { Policy = parse.GetValue(policy) ?? settings.Recommender.Policy },
            };
            string report;
            if (compareThreads)
            {
                // One thread first, then the requested count: the same world from the same seed.
                var single = Run(settings with { Threads = 1 }, label, token);
                await stdout.WriteAsync(single.Report + "\n").ConfigureAwait(false);
                var multi = Run(settings, label, token);
                await stdout.WriteAsync(multi.Report + "\n").ConfigureAwait(false);
                var section = Scaling(single, multi, MachineCeiling.Measure(t));
                await stdout.WriteAsync(section).ConfigureAwait(false);
                report = single.Report + "\n" + multi.Report + "\n" + section;
            }
            else
            {
                report = Run(settings, label, token).Report;
                await stdout.WriteAsync(report).ConfigureAwait(false);
            }

            if (parse.GetValue(output) is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                await File.AppendAllTextAsync(path, report + "\n", token).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One bench run: its Markdown report and the figures the scaling comparison needs.</summary>
    private sealed record BenchRun(string Report, int Threads, double Seconds, long Impressions, IReadOnlyList<(string System, bool ChunkParallel, double Seconds)> Systems);

    private static BenchRun Run(WorldSettings settings, string label, CancellationToken token)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        using var world = new SimulationWorld(settings);
        build.Stop();
        var atStart = GC.GetTotalMemory(forceFullCollection: true) - before;
        var warm = Stopwatch.StartNew();
        world.Loop.RunUntil(0, token);
        warm.Stop();
        world.ProfileWith(new ProfileClock(Stopwatch.GetTimestamp, Stopwatch.Frequency));
        var recommendBefore = world.RecommendSeconds;
        var (requestsBefore, slotsBefore) = (world.Requests, world.SlotsServed);
        var clock = Stopwatch.StartNew();
        world.Loop.RunUntil(world.EndTick, token);
        clock.Stop();
        var atEnd = GC.GetTotalMemory(forceFullCollection: true) - before;
        var seconds = clock.Elapsed.TotalSeconds;
        var impressions = world.TotalImpressions;
        var userDays = (double)settings.Population.Size * settings.Days;
        var logBytes = world.Recommender.LogBytes;
        var n = settings.Population.Size;

        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"## bench: {n:N0} users, {settings.Days} day(s) timed after {settings.WarmupDays} warm-up day(s), policy {settings.Recommender.Policy.ToString().ToLowerInvariant()}{label}, {settings.Threads} thread(s)\n\n");
        sb.Append(inv, $"Machine: {Machine()}\n\n");
        sb.Append("| measure | value |\n|---|---:|\n");
        sb.Append(inv, $"| impressions (timed days) | {impressions:N0} |\n");
        sb.Append(inv, $"| wall time, timed days | {seconds:F1} s |\n");
        sb.Append(inv, $"| **impressions per second** | **{impressions / seconds:N0}** |\n");
        sb.Append(inv, $"| user-days per second | {userDays / seconds:N0} |\n");
        var requests = world.Requests - requestsBefore;
        var slots = world.SlotsServed - slotsBefore;
        if (requests > 0)
        {
            // Every served slot was retrieved, scored and re-ranked; only the watched ones are
            // impressions (a session can end mid-slate, and the next session asks afresh). The
            // world's impression count restarts when the warm-up ends, so it covers the timed days.
            sb.Append(inv, $"| feed requests / slots served | {requests:N0} / {slots:N0} ({(double)slots / requests:F2} per request; {(double)impressions / slots:P1} of served slots watched, {(double)impressions / requests:F2} impressions per request) |\n");
        }
        sb.Append(inv, $"| world build / warm-up | {build.Elapsed.TotalSeconds:F1} s / {warm.Elapsed.TotalSeconds:F1} s |\n");
        sb.Append(inv, $"| managed memory after build | {atStart / 1048576.0:N0} MiB ({(double)atStart / n:N0} B/user; {(double)(atStart - logBytes) / n:N0} B/user without the {logBytes / 1048576.0:N0} MiB rolling log) |\n");
        sb.Append(inv, $"| managed memory at end | {atEnd / 1048576.0:N0} MiB ({(double)atEnd / n:N0} B/user; {(double)(atEnd - logBytes) / n:N0} B/user without the rolling log) |\n");
        sb.Append(inv, $"| peak working set | {Environment.WorkingSet / 1048576.0:N0} MiB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB peak |\n\n");

        // Where the time goes: each system's wall time; inside the sessions system, time in
        // recommendation requests (retrieval + ranking + re-ranking, summed over threads) is
        // split from the rest (behaviour model and bookkeeping).
        var systems = world.Loop.SystemSeconds();
        var total = systems.Sum(s => s.Seconds);
        var recommend = (world.RecommendSeconds - recommendBefore) / settings.Threads;
        sb.Append("| system | phase | seconds | share |\n|---|---|---:|---:|\n");
        foreach (var (system, s) in systems)
        {
            var name = NameOf(system);
            if (name == "Session")
            {
                var rec = Math.Min(recommend, s);
                sb.Append(inv, $"| Session: recommend (retrieval, ranking, re-ranking) | {system.Phase} | {rec:F2} | {rec / total:P1} |\n");
                foreach (var (stage, stageSeconds) in world.Recommender.StageSeconds())
                {
                    var st = stageSeconds / settings.Threads;
                    sb.Append(inv, $"| &nbsp;&nbsp;recommend: {stage} | {system.Phase} | {st:F2} | {st / total:P1} |\n");
                }

                sb.Append(inv, $"| Session: behaviour and bookkeeping | {system.Phase} | {s - rec:F2} | {(s - rec) / total:P1} |\n");
                continue;
            }

            sb.Append(inv, $"| {name} | {system.Phase} | {s:F2} | {s / total:P1} |\n");
        }

        sb.Append(inv, $"| total | | {total:F2} | |\n\n");
        AppendFootprint(sb, world, n);
        var named = systems.Select(p => (NameOf(p.System), p.System.Phase == SimPhase.Sessions, p.Seconds)).ToList();
        return new BenchRun(sb.ToString(), settings.Threads, seconds, impressions, named);
    }

    private static string NameOf(ISimSystem system) => system.GetType().Name.Replace("System", "", StringComparison.Ordinal);

    // One thread against N: throughput, each system's speed-up, what the machine gives N threads
    // that share nothing, and the bound the part outside the chunk-parallel sessions phase sets.
    private static string Scaling(BenchRun one, BenchRun many, IReadOnlyList<MachineCeiling.Result> ceilings)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var n = many.Threads;
        sb.Append(inv, $"## thread scaling: 1 → {n} threads\n\n");
        sb.Append(inv, $"| measure | 1 thread | {n} threads | speed-up |\n|---|---:|---:|---:|\n");
        sb.Append(inv, $"| **impressions per second** | {one.Impressions / one.Seconds:N0} | {many.Impressions / many.Seconds:N0} | **{one.Seconds / many.Seconds:F2}×** |\n");
        var total1 = one.Systems.Sum(x => x.Seconds);
        var totalN = many.Systems.Sum(x => x.Seconds);
        for (var i = 0; i < one.Systems.Count; i++)
        {
            var (name, parallel, s1) = one.Systems[i];
            var sN = many.Systems[i].Seconds;
            if (s1 < 0.005 * total1 && sN < 0.005 * totalN)
            {
                continue; // under half a per cent either way
            }

            var kind = parallel ? "chunk-parallel" : name switch
            {
                "RecommenderTrain" => "model fits side by side",
                "Feedback" => "recorder and bookkeeping side by side",
                _ => "serial",
            };
            sb.Append(inv, $"| {name} ({kind}), s | {s1:F2} | {sN:F2} | {s1 / sN:F2}× |\n");
        }

        sb.Append(inv, $"| all systems, s | {total1:F2} | {totalN:F2} | {total1 / totalN:F2}× |\n\n");
        var same = one.Impressions == many.Impressions;
        sb.Append(inv, $"Same impressions on 1 and {n} threads: {one.Impressions:N0} and {many.Impressions:N0} ({(same ? "equal, as determinism requires" : "DIFFERENT: a determinism failure")}).\n\n");

        sb.Append(inv, $"What this machine gives {n} threads that share nothing (the same work timed on 1 thread and on {n} at once; median of {ceilings[0].Ratios.Count}, range in brackets):\n\n");
        foreach (var c in ceilings)
        {
            sb.Append(inv, $"- {c.Kernel}: **{c.Median:F2}×** ({c.Ratios.Min():F2}–{c.Ratios.Max():F2})\n");
        }

        // Amdahl with the machine's own ceiling: the sessions phase at the better kernel's speed-up,
        // everything else as measured on N threads.
        var parallel1 = one.Systems.Where(x => x.ChunkParallel).Sum(x => x.Seconds);
        var parallelN = many.Systems.Where(x => x.ChunkParallel).Sum(x => x.Seconds);
        var rest = totalN - parallelN;
        var ceiling = ceilings.Max(c => c.Median);
        sb.Append(inv, $"\nThe chunk-parallel sessions phase ran {parallel1 / parallelN:F2}× faster on {n} threads ({parallel1 / parallelN / ceiling:P0} of the better kernel's {ceiling:F2}×). ");
        sb.Append(inv, $"Everything else took {rest:F2} s of the {totalN:F2} s on {n} threads ({rest / totalN:P0}); were the sessions phase to reach {ceiling:F2}×, the whole would reach at most {total1 / (parallel1 / ceiling + rest):F2}×.\n");
        return sb.ToString();
    }

    // Array bytes per part of the state at the end of the run: where the bytes per user go.
    private static void AppendFootprint(StringBuilder sb, SimulationWorld world, int users)
    {
        var inv = CultureInfo.InvariantCulture;
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var rows = new List<(string Part, long Bytes)>();
        // The recommender first: the world's content holds a reference to it.
        seen.Add(world.Recommender);
        var platform = typeof(RecommenderCore).GetField("_state", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)?.GetValue(world.Recommender);
        if (platform is not null)
        {
            rows.AddRange(StateFootprint.Parts(platform, seen).Select(p => ($"recommender: {p.Part}", p.Bytes)));
        }

        rows.Add(("world: users (personas and state)", StateFootprint.Measure(world.Users, seen)));
        rows.Add(("world: creators and videos", StateFootprint.Measure(world.Content, seen)));
        rows.Add(("everything else reachable from the world", StateFootprint.Measure(world, seen)));
        sb.Append("| state (arrays, at end) | MiB | bytes per user |\n|---|---:|---:|\n");
        foreach (var (part, bytes) in rows)
        {
            sb.Append(inv, $"| {part} | {bytes / 1048576.0:N1} | {(double)bytes / users:N0} |\n");
        }

        var sum = rows.Sum(r => r.Bytes);
        sb.Append(inv, $"| total | {sum / 1048576.0:N1} | {(double)sum / users:N0} |\n");
    }

    private static string Machine()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return $"{Environment.ProcessorCount} cores ({cpu}), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
