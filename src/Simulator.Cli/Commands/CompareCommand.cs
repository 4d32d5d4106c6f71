using System.CommandLine;
using System.Globalization;
using Simulator.Reporting.Compare;
using Simulator.Reporting.Report;
using Simulator.Reporting.Results;
using Simulator.Runs;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Model;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator compare &lt;file&gt;</c>: runs the baseline and each variant on common random
/// numbers, writes paired differences and guardrail verdicts, and exits 3 when a guardrail is
/// violated so that a CI job can gate a ranking change on it.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file with variants (and usually guardrails)." };
        var options = new RunOptionSet();
        var ownWarmups = RunOptionSet.OwnWarmups();
        var only = new Option<string[]>("--variant") { Description = "Compare only these variants (repeatable); default all.", AllowMultipleArgumentsPerToken = true };
        var strict = new Option<bool>("--strict") { Description = "Count an inconclusive guardrail (estimate within the limit, 95 % CI past it) as violated." };
        var command = new Command("compare", "Run the baseline and its variants on common random numbers; write <out>/<scenario>-compare/ (compare.json, compare.md, compare.junit.xml, arms/). Exit 3 when a guardrail is violated.")
        {
            file, only, strict,
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

            var variants = SelectVariants(document, parse.GetValue(only) ?? [], stderr);
            if (variants is null || !GuardrailsMeasurable(document, stderr))
            {
                return ExitCodes.InvalidInput;
            }

            var isStrict = parse.GetValue(strict);
            var arms = new List<Arm> { new("baseline", document.Scenario) };
            arms.AddRange(variants.Select(v => new Arm(v.Key, v.Value)));
            var request = options.Request(parse, runOptions, document) with
            {
                Arms = arms,
                Finish = (results, info) =>
                {
                    var comparison = Comparison.Of(results[0], [.. variants.Select((v, i) => new KeyValuePair<string, RunResult>(v.Key, results[i + 1]))]);
                    var folder = CompareWriter.Write(parse.GetValue(options.Output)!, document, comparison, info, isStrict, dir => ReportBuilder.WriteCompare(dir, document, comparison, isStrict));
                    Print(stdout, comparison, isStrict, folder);
                    return (folder, comparison.AnyViolation(isStrict) ? ExitCodes.GuardrailViolated : ExitCodes.Success);
                },
            };
            return (await RunCommand.RunHostedAsync(request, token, stderr).ConfigureAwait(false)).ExitCode;
        });
        return command;
    }

    private static List<KeyValuePair<string, Scenario>>? SelectVariants(ScenarioDocument document, string[] names, TextWriter stderr)
    {
        if (document.Variants.Count == 0)
        {
            stderr.WriteLine($"{document.Path}: error: no 'variants' to compare; add e.g. variants: {{ candidate: {{ recommender: {{ weights: {{ share: 1 }} }} }} }}.");
            return null;
        }

        if (names.Length == 0)
        {
            return [.. document.Variants];
        }

        var known = document.Variants.Select(v => v.Key).ToList();
        var unknown = names.Where(n => !known.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"error: unknown variant(s) {string.Join(", ", unknown)}; the file has: {string.Join(", ", known)}.");
            return null;
        }

        return [.. document.Variants.Where(v => names.Contains(v.Key))];
    }

    /// <summary>Refuses up front a guardrail the run is too short to measure (retention_dN needs more than N days).</summary>
    private static bool GuardrailsMeasurable(ScenarioDocument document, TextWriter stderr)
    {
        var ok = true;
        foreach (var g in document.Scenario.Guardrails)
        {
            if (g.Metric.StartsWith(MetricKeys.RetentionPrefix, StringComparison.Ordinal)
                && int.TryParse(g.Metric.AsSpan(MetricKeys.RetentionPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && document.Scenario.Duration.Days <= n)
            {
                stderr.WriteLine($"{document.Path}: error: guardrail on {g.Metric} needs a run longer than {n} days; duration.days is {document.Scenario.Duration.Days}.");
                ok = false;
            }
        }

        return ok;
    }

    private static void Print(TextWriter stdout, Comparison comparison, bool strict, string folder)
    {
        stdout.WriteLine($"{comparison.Baseline.Scenario.Name}: {comparison.Variants.Count} variant(s) vs baseline, {comparison.Baseline.Replications.Count} paired replication(s)");
        foreach (var g in comparison.Guardrails)
        {
            var change = g.Difference is null ? "not measured" : string.Create(CultureInfo.InvariantCulture, $"{g.Difference.RelPct:+0.00;-0.00} % [{g.Difference.RelPctCi95Low:+0.00;-0.00}, {g.Difference.RelPctCi95High:+0.00;-0.00}]");
            stdout.WriteLine($"  {(g.Violates(strict) ? "FAIL" : "ok  ")}  {g.Variant}: {g.Guardrail.Metric} {g.Rule}: {change} → {CompareWriter.VerdictName(g.Verdict)}");
        }

        stdout.WriteLine($"verdict: {(comparison.AnyViolation(strict) ? "FAIL (exit 3)" : "PASS")}");
        stdout.WriteLine($"results: {folder}");
    }
}
