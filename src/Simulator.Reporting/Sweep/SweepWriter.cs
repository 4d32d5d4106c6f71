using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulator.Reporting.Output;
using Simulator.Reporting.Report;
using Simulator.Reporting.Results;
using Simulator.Reporting.Statistics;
using Simulator.Scenarios.Loading;

namespace Simulator.Reporting.Sweep;

/// <summary>
/// Writes <c>&lt;root&gt;/&lt;scenario&gt;-sweep/</c>: <c>sweep.csv</c> (one row per grid point:
/// each metric's mean and 95 % CI), <c>sweep.json</c>, a plot of each headline metric against
/// the swept value, <c>report.html</c> and each point's own results under <c>points/</c>.
/// </summary>
public static class SweepWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string FolderName(string scenario) => scenario + "-sweep";

    public static string Write(string root, ScenarioDocument document, SweepPlan plan, IReadOnlyList<RunResult> runs, ManifestInfo info)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(runs);
        return AtomicFolder.Write(root, FolderName(document.Scenario.Name), dir =>
        {
            var keys = runs.SelectMany(r => r.Replications.SelectMany(x => x.Metrics.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
            WriteCsv(Path.Combine(dir, "sweep.csv"), plan, runs, keys);
            File.WriteAllText(Path.Combine(dir, "sweep.json"), Json(plan, runs, keys));
            File.WriteAllText(Path.Combine(dir, "scenario.yaml"), document.Text);
            for (var i = 0; i < runs.Count; i++)
            {
                var point = Path.Combine(dir, "points", Safe(plan.Points[i].Key));
                Directory.CreateDirectory(point);
                ResultWriter.WriteRunFiles(point, document, runs[i], info);
            }

            var charts = SweepCharts.For(plan, runs);
            var report = new HtmlReport(
                $"{document.Scenario.Name}: sweep of {plan.Parameter}",
                $"{plan.Points.Count} grid points · {runs[0].Replications.Count} replication(s) each on common random numbers · {(runs[0].Replications.Count > 0 ? runs[0].Replications[0].Users : 0):N0} users · {document.Scenario.Duration.Days} days");
            report.Heading("Headline metrics by grid point", "summary")
                .Paragraph("Mean over replications [Student-t 95 % CI].", "note")
                .Table("sweep-table", [plan.Parameter, .. SweepCharts.Metrics.Where(keys.Contains)], plan.Points.Select((p, i) => (IReadOnlyList<string>)
                    [p.Key, .. SweepCharts.Metrics.Where(keys.Contains).Select(k => Cell(runs[i], k))]))
                .Heading("Plots", "plots")
                .Charts(charts)
                .Heading("Scenario", "scenario")
                .Preformatted("scenario-text", document.Text);
            ReportBuilder.Write(dir, report, charts);
        });
    }

    /// <summary>Mean and 95 % CI of <paramref name="key"/> over a run's replications, or null when no replication measured it.</summary>
    public static MetricSummary? Summary(RunResult run, string key)
    {
        var values = run.Replications.Where(r => r.Metrics.ContainsKey(key)).Select(r => r.Metrics[key]).ToList();
        return values.Count == 0 ? null : MetricSummary.Of(values);
    }

    // sweep.csv: one row per grid point; per metric its mean and 95 % CI (empty when unmeasured or one replication).
    private static void WriteCsv(string path, SweepPlan plan, IReadOnlyList<RunResult> runs, List<string> keys)
    {
        List<CsvColumn<int>> columns = [new("parameter", _ => plan.Parameter), new("value", i => plan.Points[i].Key)];
        foreach (var k in keys)
        {
            columns.Add(new(k, i => Summary(runs[i], k) is { } s ? CsvFormat.Number(s.Mean) : ""));
            columns.Add(new(k + ".ci95_low", i => Summary(runs[i], k) is { N: >= 2 } s ? CsvFormat.Number(s.Ci95Low) : ""));
            columns.Add(new(k + ".ci95_high", i => Summary(runs[i], k) is { N: >= 2 } s ? CsvFormat.Number(s.Ci95High) : ""));
        }

        new CsvTable<int>(columns).Write(path, Enumerable.Range(0, runs.Count));
    }

    private static string Json(SweepPlan plan, IReadOnlyList<RunResult> runs, List<string> keys)
    {
        var points = new JsonArray();
        for (var i = 0; i < runs.Count; i++)
        {
            var metrics = new JsonObject();
            foreach (var k in keys)
            {
                if (Summary(runs[i], k) is { } s)
                {
                    metrics[k] = new JsonObject { ["mean"] = s.Mean, ["ci95_low"] = s.Ci95Low, ["ci95_high"] = s.Ci95High, ["n"] = s.N };
                }
            }

            points.Add(new JsonObject { ["value"] = plan.Points[i].Key, ["metrics"] = metrics });
        }

        return new JsonObject
        {
            ["scenario"] = runs[0].Scenario.Name,
            ["parameter"] = plan.Parameter,
            ["replications"] = runs[0].Replications.Count,
            ["points"] = points,
        }.ToJsonString(Indented) + "\n";
    }

    private static string Cell(RunResult run, string key) => Summary(run, key) is { } s
        ? s.N > 1 ? string.Create(CultureInfo.InvariantCulture, $"{s.Mean:G4} [{s.Ci95Low:G4}, {s.Ci95High:G4}]") : s.Mean.ToString("G4", CultureInfo.InvariantCulture)
        : "–";

    private static string Safe(string label) => new([.. label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
