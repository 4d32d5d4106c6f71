using System.CommandLine;
using Simulator.Cli.Hosting;
using Simulator.Reporting.Calibration;
using Simulator.Runs;
using Simulator.Runs.Fitting;
using Simulator.Scenarios.Calibration;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator calibrate</c>: runs the baseline scenario and writes a table of target band,
/// source and emergent value for every calibrated metric; with <c>--fit</c>, estimates the
/// behaviour parameters against those bands first (<see cref="CalibrateFit"/>).
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Scenario to calibrate.", DefaultValueFactory = _ => "scenarios/baseline.yaml" };
        var output = new Option<string>("--out") { Description = "Results root for the run's own results.", DefaultValueFactory = _ => "results" };
        var report = new Option<string>("--report") { Description = "Where to write the calibration table.", DefaultValueFactory = _ => "results/calibration.md" };
        var replications = new Option<int?>("--replications") { Description = "Override the scenario's replications (at least 5 for the published table; with --fit, replications per evaluation, default 1)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var scale = new Option<double?>("--scale") { Description = "Multiply the population size (default 1; with --fit, 0.04: the fit runs small worlds)." };
        var fit = new Option<bool>("--fit") { Description = "First fit the behaviour parameters (README.md, Calibration) to CALIBRATION.md §1 at --scale and write the profile scenarios inherit (--profile) and the fit report (--fit-report); resumes an interrupted fit." };
        var budget = new Option<int>("--budget") { Description = "With --fit: simulated evaluations in all.", DefaultValueFactory = _ => 40 };
        var batch = new Option<int>("--batch") { Description = "With --fit: points simulated together per step (part of the design: the same seed, budget and batch give the same fit on any thread count).", DefaultValueFactory = _ => 2 };
        var seed = new Option<ulong?>("--seed") { Description = "With --fit: seed of the design and searches (default: the scenario's seed). The worlds always use the scenario's seed." };
        var profile = new Option<string>("--profile") { Description = "With --fit: where to write the fitted profile.", DefaultValueFactory = _ => "scenarios/calibration/default.yaml" };
        var fitReport = new Option<string>("--fit-report") { Description = "With --fit: where to write the fit report.", DefaultValueFactory = _ => "results/calibration-fit.md" };
        var command = new Command("calibrate", "Run the baseline and write results/calibration.md: target band, source and emergent value (mean, 95 % CI) per calibrated metric. With --fit: estimate the behaviour parameters against CALIBRATION.md §1 and write the calibration profile instead.")
        {
            file, output, report, replications, threads, scale, fit, budget, batch, seed, profile, fitReport,
        };
        var live = new Live.LiveOptions();
        live.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            var t = parse.GetValue(threads);
            var isFit = parse.GetValue(fit);
            var s = parse.GetValue(scale) ?? (isFit ? 0.04 : 1.0);
            if (t < 1 || s <= 0 || parse.GetValue(replications) is < 1 || parse.GetValue(budget) < 1 || parse.GetValue(batch) is < 1 or > 64)
            {
                await stderr.WriteLineAsync("error: --threads, --replications and --budget must be at least 1, --batch 1–64, and --scale positive.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            if (!live.TryRead(parse, stderr, out var liveView))
            {
                return ExitCodes.InvalidInput;
            }

            var document = ScenarioInput.TryLoad(parse.GetValue(file)!, stderr);
            if (document is null)
            {
                return ExitCodes.InvalidInput;
            }

            var commandLine = "simulator " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
            if (isFit)
            {
                var settings = new FitSettings
                {
                    Seed = parse.GetValue(seed) ?? document.Scenario.Seed,
                    Budget = parse.GetValue(budget),
                    Batch = parse.GetValue(batch),
                    Start = [.. FitParameterSet.Parameters.Select(p => ScenarioValues.At(document.Scenario, p.Path))],
                };
                var outRoot = parse.GetValue(output)!;
                return await CalibrateFit.RunAsync(new FitRequest
                {
                    Document = document,
                    Options = new RunOptions { Threads = t, Scale = s, Replications = parse.GetValue(replications) ?? 1 },
                    Settings = settings,
                    ProfilePath = parse.GetValue(profile)!,
                    ReportPath = parse.GetValue(fitReport)!,
                    JournalPath = Path.Combine(outRoot, $".fit-{document.Scenario.Name}.jsonl"),
                    Command = "dotnet run --project src/Simulator.Cli -c Release -- calibrate " + string.Join(' ', parse.Tokens.Select(x => x.Value).Skip(1)),
                    Live = liveView,
                }, stdout, stderr, token).ConfigureAwait(false);
            }

            var runOptions = new RunOptions { Threads = t, Scale = s, Replications = parse.GetValue(replications) };
            if (!ScenarioInput.Fits(document, runOptions, stderr))
            {
                return ExitCodes.InvalidInput;
            }

            var request = new RunRequest
            {
                Document = document,
                Options = runOptions,
                OutputRoot = parse.GetValue(output)!,
                CommandLine = commandLine,
                Command = "calibrate",
                Live = liveView,
            };
            var outcome = await RunCommand.RunHostedAsync(request, token, stderr).ConfigureAwait(false);
            if (outcome.Result is not { Complete: true } result)
            {
                await stderr.WriteLineAsync("error: the run did not complete; no calibration table written.").ConfigureAwait(false);
                return ExitCodes.RunFailure;
            }

            var path = parse.GetValue(report)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(dir);
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, CalibrationReport.Markdown(result, document.Profile, "dotnet run --project src/Simulator.Cli -c Release -- calibrate " + string.Join(' ', parse.Tokens.Select(x => x.Value).Skip(1))), token).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
            await stdout.WriteLineAsync($"calibration table: {path}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
