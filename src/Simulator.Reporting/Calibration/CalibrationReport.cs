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
    public static string Markdown(RunResult run, Scenarios.Calibration.CalibrationProfile? profile, string command)
    {
        ArgumentNullException.ThrowIfNull(run);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Calibration of the baseline world");
        sb.AppendLine();
        sb.AppendLine(inv, $"Scenario `{run.Scenario.Name}`: {run.Replications.Count} replication(s) of {(run.Replications.Count > 0 ? run.Replications[0].Users : 0):N0} users over {run.Scenario.Duration.Days} simulated days, seed {run.Scenario.Seed}, feed policy `{run.Scenario.Recommender.Policy.ToString().ToLowerInvariant()}`.");
        sb.AppendLine(inv, $"Regenerate with `{command}`.");
        sb.AppendLine();
        sb.AppendLine(profile is null
            ? "Behaviour parameters: the code's uncalibrated defaults (`calibration: none`)."
            : string.Create(inv, $"Behaviour parameters: calibration profile `{profile.Source}` ({Provenance(profile)}); how it was fitted: `results/calibration-fit.md`."));
        sb.AppendLine();
        sb.AppendLine("Bands and sources are from `CALIBRATION.md` unless a section names another (grade in brackets). \"Miss\" means the emergent value's mean lies outside the band; it is a finding about the model, not a number to force.");
        sb.AppendLine();
        SettleSection(sb, run);
        Section(sb, run, "Stickiness (CALIBRATION.md §1)", CalibrationTarget.Stickiness);
        RetentionSection(sb, run);
        Section(sb, run, "Completion by video length (CALIBRATION.md §1)", CalibrationTarget.Completion);
        Section(sb, run, "Views by video age (Trendpop 2022)", CalibrationTarget.ViewAge);
        AgeSection(sb, run);
        return sb.ToString();
    }

    private static string Provenance(Scenarios.Calibration.CalibrationProfile profile)
    {
        string? Get(string key) => profile.Provenance.FirstOrDefault(p => p.Key == key).Value;
        return Get("status") ?? $"fitted {Get("date")} at commit {Get("commit")?[..Math.Min(7, Get("commit")!.Length)]} on {Get("population")} users, loss {Get("loss")}";
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

    private static void SettleSection(StringBuilder sb, RunResult run)
    {
        sb.AppendLine("## Settle");
        sb.AppendLine();
        sb.AppendLine(Report.ReportBuilder.SettleText(Settle.SettleDiagnostic.Of(run)));
        sb.AppendLine();
    }

    // The retention curve of the install cohorts: every app's falls with N (CALIBRATION.md §1, A).
    private static void RetentionSection(StringBuilder sb, RunResult run)
    {
        var inv = CultureInfo.InvariantCulture;
        var n = run.Replications.Count == 0 ? 0 : run.Replications.Min(r => r.RetentionCurve.Count);
        if (n == 0)
        {
            return;
        }

        sb.AppendLine("## Retention curve of the install cohorts (CALIBRATION.md §1)");
        sb.AppendLine();
        sb.AppendLine("Day-N retention pooled over the users who installed on a reported day: of those whose day N falls inside the run, the share active on it. Every app's curve falls with N (A, app-analytics practice).");
        sb.AppendLine();
        sb.AppendLine("| N | retention, mean [95 % CI] |");
        sb.AppendLine("|---|---|");
        var summaries = new List<MetricSummary>();
        for (var d = 0; d < n; d++)
        {
            var s = MetricSummary.Of([.. run.Replications.Select(r => r.RetentionCurve[d])]);
            summaries.Add(s);
            if (d + 1 is 1 or 2 or 3 or 7 or 14 or 21 or 28 or 30)
            {
                sb.AppendLine(inv, $"| {d + 1} | {s.Mean:G3} [{s.Ci95Low:G3}, {s.Ci95High:G3}] |");
            }
        }

        bool Below(int a, int b) => a <= summaries.Count && b <= summaries.Count && summaries[b - 1].Ci95High < summaries[a - 1].Ci95Low;
        var checks = new List<string>();
        foreach (var (a, b) in new[] { (1, 7), (7, 30) })
        {
            if (b <= summaries.Count)
            {
                checks.Add(string.Create(inv, $"D{a} > D{b} {(Below(a, b) ? "with non-overlapping intervals" : "**not** with non-overlapping intervals")}"));
            }
        }

        sb.AppendLine();
        sb.AppendLine(inv, $"Verdict: {string.Join("; ", checks)}.");
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
