using System.CommandLine;
using System.Globalization;
using Simulator.Reporting.Compare;
using Simulator.Reporting.Results;
using Simulator.Reporting.Validation;
using Simulator.Runs;
using Simulator.Scenarios.Loading;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator validate-model</c>: runs the scenario that mimics each published field outcome
/// (<see cref="ValidationCatalog"/>), all of them as one study on common random numbers, and writes
/// <c>results/validation.md</c> with the simulated effects, verdicts and the share of directions right.
/// </summary>
internal static class ValidateModelCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new RunOptionSet();
        var dir = new Option<string>("--scenarios") { Description = "Folder of the validation scenarios.", DefaultValueFactory = _ => "scenarios/validation" };
        var report = new Option<string>("--report") { Description = "Where to write the validation report.", DefaultValueFactory = _ => "results/validation.md" };
        var only = new Option<string[]>("--only") { Description = "Validate only these outcomes (ids, repeatable); default all.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("validate-model", "Run the scenario mimicking each published field experiment (never a fit target) and write results/validation.md: simulated effect with its 95 % CI next to the published one, a verdict on direction and size, and the share of directions right.")
        {
            dir, report, only,
        };
        options.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            if (options.Read(parse, stderr) is not { } runOptions)
            {
                return ExitCodes.InvalidInput;
            }

            var ids = parse.GetValue(only) ?? [];
            var unknown = ids.Where(id => ValidationCatalog.Outcomes.All(o => o.Id != id)).ToList();
            if (unknown.Count > 0)
            {
                await stderr.WriteLineAsync($"error: unknown outcome(s) {string.Join(", ", unknown)}; known: {string.Join(", ", ValidationCatalog.Outcomes.Select(o => o.Id))}.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var outcomes = ValidationCatalog.Outcomes.Where(o => ids.Length == 0 || ids.Contains(o.Id)).ToList();
            var studies = new List<(PublishedOutcome Outcome, ScenarioDocument Document, int Arm)>();
            var arms = new List<Arm>();
            foreach (var o in outcomes.Where(o => o.Scenario.Length > 0))
            {
                var document = ScenarioInput.TryLoad(Path.Combine(parse.GetValue(dir)!, o.Scenario), stderr);
                if (document is null)
                {
                    return ExitCodes.InvalidInput;
                }

                var variant = document.Variants.FirstOrDefault(v => v.Key == o.Variant);
                if (variant.Value is null)
                {
                    await stderr.WriteLineAsync($"error: {document.Path} has no variant '{o.Variant}' (outcome {o.Id}).").ConfigureAwait(false);
                    return ExitCodes.InvalidInput;
                }

                studies.Add((o, document, arms.Count));
                arms.Add(new Arm($"{o.Id}/control", document.Scenario) { Group = o.Id });
                arms.Add(new Arm($"{o.Id}/treatment", variant.Value) { Group = o.Id });
            }

            if (studies.Count == 0)
            {
                await stderr.WriteLineAsync("error: none of the selected outcomes has a scenario to run.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(report)!;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var commandText = "dotnet run --project src/Simulator.Cli -c Release -- validate-model " + string.Join(' ', parse.Tokens.Select(x => x.Value).Skip(1));
            var request = options.Request(parse, runOptions, studies[0].Document) with
            {
                Arms = arms,
                Finish = (results, info) =>
                {
                    var rows = outcomes.Select(o =>
                    {
                        var study = studies.FirstOrDefault(s => s.Outcome == o);
                        if (study.Document is null)
                        {
                            return new ValidationResult(o, null);
                        }

                        var comparison = Comparison.Of(results[study.Arm], [new KeyValuePair<string, RunResult>(o.Variant, results[study.Arm + 1])]);
                        return new ValidationResult(o, comparison.Results[0].Metrics.GetValueOrDefault(o.Metric));
                    }).ToList();
                    var first = results[0];
                    var profile = studies[0].Document.Profile;
                    var setting = new[]
                    {
                        string.Create(CultureInfo.InvariantCulture, $"Each scenario at {runOptions.Scale:G3} × its population ({first.Replications[0].Users:N0} users for the first), {first.Replications.Count} paired replications per arm, the two arms of a study on common random numbers; {results.Sum(r => r.Impressions):N0} impressions in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMinutes:F1} min on {runOptions.Threads} threads."),
                        $"Behaviour parameters: calibration profile `{profile?.Source ?? "none"}` (sha256 {profile?.Hash[..12] ?? "—"}); built from commit {info.Commit}.",
                        Starts(studies.Select(s => (s.Outcome.Id, results[s.Arm + 1].Start))),
                    };
                    CalibrateFit.WriteAtomically(path, ValidationReport.Markdown(rows, setting, commandText));
                    var simulated = rows.Where(r => r.Verdict != DirectionVerdict.NotSimulated).ToList();
                    stdout.WriteLine($"directions right: {simulated.Count(r => r.Verdict == DirectionVerdict.Right)} of {simulated.Count}");
                    stdout.WriteLine($"validation report: {path}");
                    return (path, ExitCodes.Success);
                },
            };
            return (await RunCommand.RunHostedAsync(request, token, stderr).ConfigureAwait(false)).ExitCode;
        });
        return command;
    }

    // How the treatment arms started: forked from their control's settled world (an experiment switched on an existing platform), or each on its own warm-up and why.
    private static string Starts(IEnumerable<(string Id, string? Start)> treatments)
    {
        var own = treatments.Where(t => t.Start != StudyRunner.ForkedStart).ToList();
        var forked = "Each treatment arm starts from its control's world at the end of the warm-up (one burn-in per replication, `compare`'s fork): an effect is the experiment switched on an existing, settled platform and measured over its reported weeks.";
        return own.Count == 0 ? forked : forked + " Except: " + string.Join("; ", own.Select(t => $"{t.Id}, {t.Start}")) + ".";
    }
}
