using System.CommandLine;
using Simulator.Cli.Hosting;
using Simulator.Reporting.Calibration;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator calibrate</c>: runs the baseline scenario and writes a table of target band,
/// source and emergent value for every calibrated metric.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Scenario to calibrate.", DefaultValueFactory = _ => "scenarios/baseline.yaml" };
        var output = new Option<string>("--out") { Description = "Results root for the run's own results.", DefaultValueFactory = _ => "results" };
        var report = new Option<string>("--report") { Description = "Where to write the calibration table.", DefaultValueFactory = _ => "results/calibration.md" };
        var replications = new Option<int?>("--replications") { Description = "Override the scenario's replications (at least 5 for the published table)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var scale = new Option<double>("--scale") { Description = "Multiply the population size.", DefaultValueFactory = _ => 1.0 };
        var command = new Command("calibrate", "Run the baseline and write results/calibration.md: target band, source and emergent value (mean, 95 % CI) per calibrated metric.")
        {
            file, output, report, replications, threads, scale,
        };
        command.SetAction(async (parse, token) =>
        {
            var t = parse.GetValue(threads);
            var s = parse.GetValue(scale);
            if (t < 1 || s <= 0 || parse.GetValue(replications) is < 1)
            {
                await stderr.WriteLineAsync("error: --threads and --replications must be at least 1 and --scale positive.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var document = ScenarioInput.TryLoad(parse.GetValue(file)!, stderr);
            if (document is null)
            {
                return ExitCodes.InvalidInput;
            }

            var commandLine = "simulator " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
            var request = new RunRequest
            {
                Document = document,
                Options = new RunOptions { Threads = t, Scale = s, Replications = parse.GetValue(replications) },
                OutputRoot = parse.GetValue(output)!,
                CommandLine = commandLine,
            };
            var outcome = await RunCommand.RunHostedAsync(request, token).ConfigureAwait(false);
            if (outcome.Result is not { Complete: true } result)
            {
                await stderr.WriteLineAsync("error: the run did not complete; no calibration table written.").ConfigureAwait(false);
                return ExitCodes.RunFailure;
            }

            var path = parse.GetValue(report)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(dir);
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, CalibrationReport.Markdown(result, "dotnet run --project src/Simulator.Cli -c Release -- calibrate " + string.Join(' ', parse.Tokens.Select(x => x.Value).Skip(1))), token).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
            await stdout.WriteLineAsync($"calibration table: {path}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
