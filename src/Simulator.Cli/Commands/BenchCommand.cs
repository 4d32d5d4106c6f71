using System.CommandLine;
using Recommender;
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
        var snapshot = new Option<bool>("--snapshot") { Description = "Also time writing the end state's snapshot (to the system's temporary folder) and restoring it into a freshly built world, and report its size per user." };
        var study = new Option<string?>("--study") { Description = "Time this whole study as written (every arm and replication with its warm-up, then its results, report and plots, written to a scratch folder) and report its impressions per second next to the bench at its population (its baseline arm; --days, --warmup-days and --threads apply to that bench)." };
        var live = new Option<bool>("--live") { Description = "Time the world with the live view attached as `run --live` attaches it (its board fed by the loop's draw, the server on a free loopback port, one page reading its events), to measure what watching costs against the same bench without." };
        var command = new Command("bench", "End-to-end benchmark: impressions and user-days per second, time share of each system, peak memory and bytes per user.")
        {
            users, days, warmup, policy, threads, seed, output, scenarioFile, variantName, scaling, study, snapshot, live,
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

            if (parse.GetValue(study) is { } studyFile)
            {
                if (parse.GetValue(scenarioFile) is not null || parse.GetValue(variantName) is not null || compareThreads)
                {
                    await stderr.WriteLineAsync("error: --study runs a study as written; it cannot be combined with --scenario, --variant or --scaling.").ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }

                return await BenchStudy(studyFile, d, w, t, parse.GetValue(output), stdout, stderr, token).ConfigureAwait(false);
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
                var single = BenchRunner.Run(settings with { Threads = 1 }, label, token);
                await stdout.WriteAsync(BenchReport.Of(single) + "\n").ConfigureAwait(false);
                var multi = BenchRunner.Run(settings, label, token);
                await stdout.WriteAsync(BenchReport.Of(multi) + "\n").ConfigureAwait(false);
                var section = BenchReport.Scaling(single, multi, MachineCeiling.Measure(t));
                await stdout.WriteAsync(section).ConfigureAwait(false);
                report = BenchReport.Of(single) + "\n" + BenchReport.Of(multi) + "\n" + section;
            }
            else if (parse.GetValue(live))
            {
                await using var watched = await Live.LiveBench.StartAsync(label).ConfigureAwait(false);
                var run = BenchRunner.Run(settings, label + ", live view attached", token, parse.GetValue(snapshot) ? Path.GetTempPath() : null, watched.Progress);
                report = BenchReport.Of(run) + watched.Summary() + "\n";
                await stdout.WriteAsync(report).ConfigureAwait(false);
            }
            else
            {
                report = BenchReport.Of(BenchRunner.Run(settings, label, token, parse.GetValue(snapshot) ? Path.GetTempPath() : null));
                await stdout.WriteAsync(report).ConfigureAwait(false);
            }

            await Append(parse.GetValue(output), report, token).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> BenchStudy(string file, int days, int warmup, int threads, string? output, TextWriter stdout, TextWriter stderr, CancellationToken token)
    {
        if (ScenarioInput.TryLoad(file, stderr) is not { } document)
        {
            return ExitCodes.InvalidInput;
        }

        StudyBench.Timing timing;
        try
        {
            timing = StudyBench.Run(document, threads, token);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("bench --study: stopped before the study finished; nothing was timed or kept.").ConfigureAwait(false);
            return ExitCodes.RunFailure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"bench --study: could not write the study's results to the scratch folder ({ex.Message}).").ConfigureAwait(false);
            return ExitCodes.RunFailure;
        }

        var settings = Runs.ReplicationSettings.For(document.Scenario, 0, threads) with { Days = days, WarmupDays = warmup, Threads = threads };
        var bench = BenchRunner.Run(settings, $", scenario {document.Scenario.Name}", token);
        var report = StudyBench.Report(document.Scenario.Name, timing, bench);
        await stdout.WriteAsync(report).ConfigureAwait(false);
        await Append(output, report, token).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task Append(string? path, string report, CancellationToken token)
    {
        if (path is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.AppendAllTextAsync(path, report + "\n", token).ConfigureAwait(false);
        }
    }
}
