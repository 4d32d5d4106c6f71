using System.Globalization;
using System.Text;
using Simulator.Reporting.Results;
using Simulator.Reporting.Statistics;

namespace Simulator.Reporting.Calibration;

/// <summary>
/// Tabulates target band, source and emergent value (mean and 95 % CI over replications) for the
/// baseline world. A value outside its band is reported as a miss; nothing is adjusted to fit.
/// </summary>
public static class CalibrationReport
{
    public static string Markdown(RunResult run, string command)
    {
        ArgumentNullException.ThrowIfNull(run);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Calibration of the baseline world");
        sb.AppendLine();
        sb.AppendLine(inv, $"Scenario `{run.Scenario.Name}`: {run.Replications.Count} replication(s) of {(run.Replications.Count > 0 ? run.Replications[0].Users : 0):N0} users over {run.Scenario.Duration.Days} simulated days, seed {run.Scenario.Seed}, feed policy `{run.Scenario.Recommender.Policy.ToString().ToLowerInvariant()}`.");
        sb.AppendLine(inv, $"Regenerate with `{command}`.");
        sb.AppendLine();
        sb.AppendLine("Bands and sources are from `CALIBRATION.md` (grade in brackets). \"Miss\" means the emergent value's mean lies outside the band; it is a finding about the model, not a number to force.");
        sb.AppendLine();
        Section(sb, run, "Stickiness (CALIBRATION.md §1)", CalibrationTarget.Stickiness);
        Section(sb, run, "Completion by video length (CALIBRATION.md §1)", CalibrationTarget.Completion);
        AgeSection(sb, run);
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, RunResult run, string title, IEnumerable<CalibrationTarget> targets)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"## {title}");
        sb.AppendLine();
        sb.AppendLine("| metric | target band | emergent mean [95 % CI] | verdict | source |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var t in targets)
        {
            var values = run.Replications.Where(r => r.Metrics.ContainsKey(t.Metric)).Select(r => r.Metrics[t.Metric]).ToList();
            if (values.Count == 0)
            {
                sb.AppendLine(inv, $"| `{t.Metric}` | {t.Low:G3}–{t.High:G3} | not measured | — | {t.Source} |");
                continue;
            }

            var s = MetricSummary.Of(values);
            var verdict = s.Mean < t.Low ? "**miss (below)**" : s.Mean > t.High ? "**miss (above)**" : "inside";
            sb.AppendLine(inv, $"| `{t.Metric}` | {t.Low:G3}–{t.High:G3} | {s.Mean:G3} [{s.Ci95Low:G3}, {s.Ci95High:G3}] | {verdict} | {t.Source} |");
        }

        sb.AppendLine();
    }

    private static void AgeSection(StringBuilder sb, RunResult run)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("## Younger users spend more minutes (CALIBRATION.md §1)");
        sb.AppendLine();
        sb.AppendLine("eMarketer's 2025 US forecast: 77 min/day at 18–24 against 39 at 55–64 (B). Expected order: gen_z > millennial > gen_x > boomer.");
        sb.AppendLine();
        sb.AppendLine("| generation | minutes per DAU, mean [95 % CI] |");
        sb.AppendLine("|---|---|");
        var means = new List<double>();
        foreach (var g in new[] { "gen_z", "millennial", "gen_x", "boomer" })
        {
            var values = run.Replications
                .SelectMany(r => r.Segments.Where(x => x.Dimension == "generation" && x.Segment == g && double.IsFinite(x.MinutesPerDau)))
                .Select(x => x.MinutesPerDau).ToList();
            if (values.Count == 0)
            {
                sb.AppendLine(inv, $"| {g} | not measured |");
                continue;
            }

            var s = MetricSummary.Of(values);
            means.Add(s.Mean);
            sb.AppendLine(inv, $"| {g} | {s.Mean:G3} [{s.Ci95Low:G3}, {s.Ci95High:G3}] |");
        }

        var ordered = means.Count == 4 && means[0] > means[1] && means[1] > means[2] && means[2] > means[3];
        sb.AppendLine();
        sb.AppendLine(inv, $"Verdict: {(ordered ? "inside (strictly decreasing with age)" : "**miss** (not strictly decreasing with age)")}; ratio youngest/oldest {(means.Count == 4 ? (means[0] / means[3]).ToString("F2", inv) : "n/a")} (published ≈ 1.97).");
        sb.AppendLine();
    }
}
