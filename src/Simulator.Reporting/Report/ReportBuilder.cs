using System.Globalization;
using Simulator.Reporting.Compare;
using Simulator.Reporting.Results;
using Simulator.Reporting.Statistics;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Model;

namespace Simulator.Reporting.Report;

/// <summary>Writes <c>report.html</c> and <c>plots/*.png</c> next to a run's or a comparison's results.</summary>
public static class ReportBuilder
{
    /// <summary>The report of one run: summary table with CIs, plots, scenario text and manifest.</summary>
    public static void WriteRun(string dir, ScenarioDocument document, RunResult run, string manifestJson)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(run);
        var charts = RunCharts.For(run);
        var users = run.Replications.Count > 0 ? run.Replications[0].Users : 0;
        var report = new HtmlReport(
            $"{run.Scenario.Name}: simulation report",
            $"{users:N0} users · {run.Scenario.Duration.Days} days · {run.Replications.Count} replication(s) · seed {run.Scenario.Seed}{(run.Complete ? "" : " · INTERRUPTED (partial)")}");
        if (!string.IsNullOrWhiteSpace(run.Scenario.Description))
        {
            report.Paragraph(run.Scenario.Description.Trim());
        }

        var settle = Settle.SettleDiagnostic.Of(run);
        report.Heading("Settle", "settle").Paragraph(SettleText(settle), settle.Assessed && !settle.Settled ? "warning" : "note");
        report.Heading("Key metrics", "key")
            .Table("key-table", ["metric", "mean", "95 % CI", "sd", "n"], SummaryRows(run, KeyMetrics))
            .Heading("Plots", "plots")
            .Charts(charts)
            .Heading("All metrics", "summary")
            .Paragraph("Mean over replications with a Student-t 95 % confidence interval (n − 1 degrees of freedom).", "note")
            .Table("summary-table", ["metric", "mean", "95 % CI", "sd", "n"], SummaryRows(run, null))
            .Heading("Scenario", "scenario")
            .Preformatted("scenario-text", document.Text)
            .Heading("Manifest", "manifest")
            .Preformatted("manifest-text", manifestJson);
        Write(dir, report, charts);
    }

    /// <summary>The report of a comparison: verdicts, forest plots, per-variant tables and the scenario.</summary>
    public static void WriteCompare(string dir, ScenarioDocument document, Comparison comparison, bool strict)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(comparison);
        var charts = CompareCharts.For(comparison);
        var b = comparison.Baseline;
        var report = new HtmlReport(
            $"{b.Scenario.Name}: compare",
            $"{comparison.Variants.Count} variant(s) vs baseline · {b.Replications.Count} paired replication(s) on common random numbers · verdict {(comparison.AnyViolation(strict) ? "FAIL" : "PASS")}");
        var guardrails = comparison.Guardrails.ToList();
        if (guardrails.Count > 0)
        {
            report.Heading("Guardrails", "guardrails")
                .Table("guardrail-table", ["variant", "metric", "rule", "change % [95 % CI]", "verdict"], guardrails.Select(g => (IReadOnlyList<string>)
                [
                    g.Variant, g.Guardrail.Metric, g.Rule,
                    g.Difference is null ? "not measured" : $"{F(g.Difference.RelPct)} [{F(g.Difference.RelPctCi95Low)}, {F(g.Difference.RelPctCi95High)}]",
                    $"{(g.Violates(strict) ? "✗" : "✓")} {CompareWriter.VerdictName(g.Verdict)}",
                ]));
        }

        report.Heading("Forest plots", "plots").Charts(charts);
        foreach (var v in comparison.Results)
        {
            report.Heading($"{v.Name} vs baseline", $"variant-{v.Name}")
                .Table($"metrics-{v.Name}", ["metric", "baseline", "variant", "diff [95 % CI]", "change % [95 % CI]", "p"], v.Metrics.Select(kv => (IReadOnlyList<string>)
                [
                    kv.Key, G(kv.Value.BaselineMean), G(kv.Value.VariantMean),
                    $"{G(kv.Value.Diff)} [{G(kv.Value.DiffCi95Low)}, {G(kv.Value.DiffCi95High)}]",
                    $"{F(kv.Value.RelPct)} [{F(kv.Value.RelPctCi95Low)}, {F(kv.Value.RelPctCi95High)}]",
                    double.IsFinite(kv.Value.PValue) ? kv.Value.PValue.ToString("0.0000", CultureInfo.InvariantCulture) : "–",
                ]));
        }

        report.Heading("Scenario", "scenario").Preformatted("scenario-text", document.Text);
        Write(dir, report, charts);
    }

    /// <summary>What the settle diagnostic says, in one sentence (a warning when the world was still moving).</summary>
    public static string SettleText(Settle.SettleDiagnostic settle)
    {
        ArgumentNullException.ThrowIfNull(settle);
        if (!settle.Assessed)
        {
            return $"Not assessed: {settle.WindowDays} reported day(s), fewer than the {Settle.SettleDiagnostic.MinimumDays} a trend needs.";
        }

        var parts = string.Join("; ", settle.Checks.Select(c => $"{c.Metric} {F(100 * c.Drift)} % [{F(100 * c.Ci95Low)}, {F(100 * c.Ci95High)}]"));
        return settle.Settled
            ? $"Settled: over the {settle.WindowDays} reported days no headline series drifts by more than {Settle.SettleDiagnostic.Tolerance:P0} or beyond its replication noise ({parts})."
            : $"WARNING: the world had not settled. Over the {settle.WindowDays} reported days a headline series still drifts by more than {Settle.SettleDiagnostic.Tolerance:P0} and beyond its replication noise ({parts}); a longer warm-up (duration.warmup_days) is needed before its effect sizes can be trusted.";
    }

    internal static void Write(string dir, HtmlReport report, IReadOnlyList<Chart> charts)
    {
        var plots = Path.Combine(dir, "plots");
        Directory.CreateDirectory(plots);
        foreach (var c in charts)
        {
            File.WriteAllBytes(Path.Combine(plots, c.FileName), c.Png);
        }

        File.WriteAllText(Path.Combine(dir, "report.html"), report.ToString());
    }

    private static readonly string[] KeyMetrics =
    [
        MetricKeys.DauMau, MetricKeys.MinutesPerDau, MetricKeys.SessionsPerDau, MetricKeys.RetentionD1,
        MetricKeys.RetentionD7, MetricKeys.RetentionD30, MetricKeys.TopicEntropy, MetricKeys.ExposureGini,
    ];

    private static IEnumerable<IReadOnlyList<string>> SummaryRows(RunResult run, string[]? only)
    {
        var keys = run.Replications.SelectMany(r => r.Metrics.Keys).Distinct().Where(k => only is null || only.Contains(k)).Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var s = MetricSummary.Of([.. run.Replications.Where(r => r.Metrics.ContainsKey(key)).Select(r => r.Metrics[key])]);
            yield return [key, G(s.Mean), s.N > 1 ? $"[{G(s.Ci95Low)}, {G(s.Ci95High)}]" : "–", s.N > 1 ? G(s.StdDev) : "–", s.N.ToString(CultureInfo.InvariantCulture)];
        }
    }

    private static string G(double v) => double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "–";

    private static string F(double v) => double.IsFinite(v) ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "–";
}
