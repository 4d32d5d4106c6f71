using System.CommandLine;
using System.Globalization;
using Simulator.Reporting.Sweep;
using Simulator.Scenarios.Model;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator sweep &lt;file&gt;</c>: runs every point of the scenario's <c>sweep</c> grid on common random numbers.</summary>
internal static class SweepCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file with a sweep: { parameter, values } block." };
        var options = new RunOptionSet();
        var ownWarmups = RunOptionSet.OwnWarmups();
        var command = new Command("sweep", "Run each value of the scenario's sweep grid; write <out>/<scenario>-sweep/ (sweep.csv, sweep.json, plots/, report.html, points/).")
        {
            file,
        };
        options.AddTo(command);
        command.Options.Add(ownWarmups);
        command.SetAction(async (parse, token) =>
        {
            if (options.Load(parse, file, stderr) is not var (runOptions, document))
            {
                return ExitCodes.InvalidInput;
            }

            runOptions = runOptions with { ForkArms = !parse.GetValue(ownWarmups) };

            if (document.Sweep is not { } plan)
            {
                await stderr.WriteLineAsync($"{document.Path}: error: no 'sweep' block; add e.g. sweep: {{ parameter: recommender.diversity_weight, values: [0, 0.3, 0.6] }}.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var request = options.Request(parse, runOptions, document) with
            {
                Arms = [.. plan.Points.Select(p => new Runs.Arm($"{plan.Parameter}={p.Key}", p.Value))],
                Finish = (results, info) =>
                {
                    var folder = SweepWriter.Write(parse.GetValue(options.Output)!, document, plan, results, info);
                    stdout.WriteLine($"{document.Scenario.Name}: sweep of {plan.Parameter} over {plan.Points.Count} values");
                    foreach (var (point, run) in plan.Points.Zip(results))
                    {
                        var minutes = SweepWriter.Summary(run, MetricKeys.MinutesPerDau);
                        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {point.Key,-10} minutes/DAU {minutes?.Mean:G4}"));
                    }

                    stdout.WriteLine($"results: {folder}");
                    return (folder, ExitCodes.Success);
                },
            };
            return (await RunCommand.RunHostedAsync(request, token, stderr).ConfigureAwait(false)).ExitCode;
        });
        return command;
    }
}
