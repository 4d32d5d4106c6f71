using System.Globalization;
using Simulator.Reporting.Results;
using Simulator.Reporting.Statistics;

namespace Simulator.Cli.Commands;

/// <summary>The short table printed after a run.</summary>
internal static class Summary
{
    public static void Print(TextWriter output, RunResult run, string folder)
    {
        var keys = run.Replications.SelectMany(r => r.Metrics.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{run.Scenario.Name}: {run.Replications.Count} replication(s), {run.Impressions:N0} impressions, {run.WallSeconds:F1} s{(run.Complete ? "" : " (INTERRUPTED)")}");
        var width = keys.Count == 0 ? 0 : keys.Max(k => k.Length);
        foreach (var key in keys)
        {
            var values = run.Replications.Where(r => r.Metrics.ContainsKey(key)).Select(r => r.Metrics[key]).ToList();
            var s = MetricSummary.Of(values);
            var ci = s.N > 1 ? string.Create(CultureInfo.InvariantCulture, $"  [{s.Ci95Low:G4}, {s.Ci95High:G4}]") : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key.PadRight(width)}  {s.Mean:G4}{ci}"));
        }

        output.WriteLine("settle: " + Reporting.Report.ReportBuilder.SettleText(Reporting.Settle.SettleDiagnostic.Of(run)));
        output.WriteLine($"results: {folder}");
    }
}
