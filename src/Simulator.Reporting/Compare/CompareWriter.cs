using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Simulator.Reporting.Output;
using Simulator.Scenarios.Loading;

namespace Simulator.Reporting.Compare;

/// <summary>
/// Writes <c>&lt;root&gt;/&lt;scenario&gt;-compare/</c>: <c>compare.json</c>, <c>compare.md</c>,
/// <c>compare.junit.xml</c> (one test case per variant × guardrail, so CI systems show the
/// verdicts) and each arm's own results under <c>arms/&lt;name&gt;/</c>. The comparison files hold
/// only numbers that depend on scenario and seed; wall time lives in the arms' manifests.
/// </summary>
public static class CompareWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Folder name of a scenario's comparison.</summary>
    public static string FolderName(string scenario) => scenario + "-compare";

    public static string Write(string root, ScenarioDocument document, Comparison comparison, ManifestInfo info, bool strict, Action<string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(info);
        return AtomicFolder.Write(root, FolderName(comparison.Baseline.Scenario.Name), dir =>
        {
            File.WriteAllText(Path.Combine(dir, "compare.json"), Json(comparison, strict));
            File.WriteAllText(Path.Combine(dir, "compare.md"), Markdown(comparison, strict));
            File.WriteAllText(Path.Combine(dir, "compare.junit.xml"), JUnit(comparison, strict));
            File.WriteAllText(Path.Combine(dir, "scenario.yaml"), document.Text);
            var arms = Path.Combine(dir, "arms");
            WriteArm(arms, "baseline", document, comparison.Baseline, info);
            foreach (var (name, run) in comparison.Variants)
            {
                WriteArm(arms, name, document, run, info);
            }

            extra?.Invoke(dir);
        });
    }

    public static string Json(Comparison comparison, bool strict)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var variants = new JsonObject();
        foreach (var v in comparison.Results)
        {
            var metrics = new JsonObject();
            foreach (var (key, d) in v.Metrics)
            {
                metrics[key] = new JsonObject
                {
                    ["baseline"] = Finite(d.BaselineMean),
                    ["variant"] = Finite(d.VariantMean),
                    ["diff"] = Finite(d.Diff),
                    ["diff_ci95_low"] = Finite(d.DiffCi95Low),
                    ["diff_ci95_high"] = Finite(d.DiffCi95High),
                    ["rel_pct"] = Finite(d.RelPct),
                    ["rel_pct_ci95_low"] = Finite(d.RelPctCi95Low),
                    ["rel_pct_ci95_high"] = Finite(d.RelPctCi95High),
                    ["p_value"] = Finite(d.PValue),
                    ["n"] = d.N,
                };
            }

            var guardrails = new JsonArray();
            foreach (var g in v.Guardrails)
            {
                guardrails.Add(new JsonObject
                {
                    ["metric"] = g.Guardrail.Metric,
                    ["max_drop_pct"] = g.Guardrail.MaxDropPct,
                    ["max_rise_pct"] = g.Guardrail.MaxRisePct,
                    ["verdict"] = VerdictName(g.Verdict),
                    ["violated"] = g.Violates(strict),
                    ["rel_pct"] = g.Difference is null ? null : Finite(g.Difference.RelPct),
                    ["rel_pct_ci95_low"] = g.Difference is null ? null : Finite(g.Difference.RelPctCi95Low),
                    ["rel_pct_ci95_high"] = g.Difference is null ? null : Finite(g.Difference.RelPctCi95High),
                });
            }

            var start = comparison.Variants.FirstOrDefault(x => x.Key == v.Name).Value?.Start;
            variants[v.Name] = new JsonObject { ["start"] = start, ["metrics"] = metrics, ["guardrails"] = guardrails };
        }

        var doc = new JsonObject
        {
            ["scenario"] = comparison.Baseline.Scenario.Name,
            ["seed"] = comparison.Baseline.Scenario.Seed,
            ["replications"] = comparison.Baseline.Replications.Count,
            ["users"] = comparison.Baseline.Replications.Count > 0 ? comparison.Baseline.Replications[0].Users : 0,
            ["days"] = comparison.Baseline.Scenario.Duration.Days,
            ["pairing"] = "common random numbers: replication r of every arm uses the same seed",
            ["baseline_start"] = comparison.Baseline.Start,
            ["strict"] = strict,
            ["verdict"] = comparison.AnyViolation(strict) ? "fail" : "pass",
            ["variants"] = variants,
        };
        return doc.ToJsonString(Indented) + "\n";
    }

    public static string Markdown(Comparison comparison, bool strict)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var b = comparison.Baseline;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Compare: {b.Scenario.Name}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{b.Replications.Count} paired replications (common random numbers), {(b.Replications.Count > 0 ? b.Replications[0].Users : 0):N0} users, {b.Scenario.Duration.Days} days, seed {b.Scenario.Seed}. ");
        sb.Append("Differences are variant − baseline with Student-t 95 % intervals over replication pairs; p is the two-sided paired t-test.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"**Verdict: {(comparison.AnyViolation(strict) ? "FAIL" : "PASS")}**{(strict ? " (strict: inconclusive guardrails fail)" : "")}\n\n");
        var guardrails = comparison.Guardrails.ToList();
        if (guardrails.Count > 0)
        {
            sb.Append("## Guardrails\n\n| variant | metric | rule | change % [95 % CI] | verdict |\n|---|---|---|---|---|\n");
            foreach (var g in guardrails)
            {
                var change = g.Difference is null ? "not measured" : $"{Signed(g.Difference.RelPct)} [{Signed(g.Difference.RelPctCi95Low)}, {Signed(g.Difference.RelPctCi95High)}]";
                sb.Append(CultureInfo.InvariantCulture, $"| {g.Variant} | {g.Guardrail.Metric} | {g.Rule} | {change} | {VerdictName(g.Verdict)}{(g.Violates(strict) ? " ✗" : " ✓")} |\n");
            }

            sb.Append('\n');
        }

        foreach (var v in comparison.Results)
        {
            sb.Append(CultureInfo.InvariantCulture, $"## {v.Name} vs baseline\n\n| metric | baseline | variant | diff [95 % CI] | change % [95 % CI] | p |\n|---|---:|---:|---|---|---:|\n");
            foreach (var (key, d) in v.Metrics)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {key} | {Num(d.BaselineMean)} | {Num(d.VariantMean)} | {Signed(d.Diff)} [{Signed(d.DiffCi95Low)}, {Signed(d.DiffCi95High)}] | {Signed(d.RelPct)} [{Signed(d.RelPctCi95Low)}, {Signed(d.RelPctCi95High)}] | {P(d.PValue)} |\n");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>JUnit XML: one suite per variant, one case per guardrail; violations are failures.</summary>
    public static string JUnit(Comparison comparison, bool strict)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var scenario = comparison.Baseline.Scenario.Name;
        var suites = new XElement("testsuites", new XAttribute("name", $"simulator compare {scenario}"));
        foreach (var v in comparison.Results)
        {
            var suite = new XElement(
                "testsuite",
                new XAttribute("name", $"{scenario}.{v.Name}"),
                new XAttribute("tests", v.Guardrails.Count),
                new XAttribute("failures", v.Guardrails.Count(g => g.Violates(strict))),
                new XAttribute("errors", 0));
            foreach (var g in v.Guardrails)
            {
                var testcase = new XElement("testcase", new XAttribute("classname", $"{scenario}.{v.Name}"), new XAttribute("name", $"{g.Guardrail.Metric} {g.Rule}"));
                var detail = g.Difference is null
                    ? $"{g.Guardrail.Metric} was not measured in both runs."
                    : $"{g.Guardrail.Metric}: baseline {Num(g.Difference.BaselineMean)}, variant {Num(g.Difference.VariantMean)}, change {Signed(g.Difference.RelPct)} % [95 % CI {Signed(g.Difference.RelPctCi95Low)}, {Signed(g.Difference.RelPctCi95High)}], rule {g.Rule}: {VerdictName(g.Verdict)}.";
                if (g.Violates(strict))
                {
                    testcase.Add(new XElement("failure", new XAttribute("message", $"{VerdictName(g.Verdict)}: {g.Guardrail.Metric} {g.Rule}"), new XAttribute("type", "guardrail"), detail));
                }
                else
                {
                    testcase.Add(new XElement("system-out", detail));
                }

                suite.Add(testcase);
            }

            suites.Add(suite);
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + suites + "\n";
    }

    public static string VerdictName(GuardrailVerdict verdict) => verdict switch
    {
        GuardrailVerdict.Pass => "pass",
        GuardrailVerdict.Inconclusive => "inconclusive",
        GuardrailVerdict.Fail => "fail",
        _ => "not_measured",
    };

    private static void WriteArm(string arms, string name, ScenarioDocument document, Results.RunResult run, ManifestInfo info)
    {
        var dir = Path.Combine(arms, name);
        Directory.CreateDirectory(dir);
        ResultWriter.WriteRunFiles(dir, document, run, info);
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static string Num(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";

    private static string Signed(double v) => !double.IsFinite(v) ? "–" : (v > 0 ? "+" : v < 0 ? "−" : "") + Math.Abs(v).ToString("G4", CultureInfo.InvariantCulture);

    private static string P(double p) => !double.IsFinite(p) ? "–" : p < 0.001 ? "<0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);
}
