using System.Globalization;
using System.Text;
using Simulator.Reporting.Output;

namespace Simulator.Reporting.Validation;

/// <summary>Writes <c>results/validation.md</c>: each published outcome next to the simulated effect, with verdicts and the share of directions right.</summary>
public static class ValidationReport
{
    /// <param name="results">One per published outcome, in catalog order.</param>
    /// <param name="setting">Lines describing the runs (scale, replications, profile, commit).</param>
    /// <param name="command">The command that reproduces the report.</param>
    public static string Markdown(IReadOnlyList<ValidationResult> results, IReadOnlyList<string> setting, string command)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(setting);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Validation: simulated effects next to published ones");
        sb.AppendLine();
        sb.AppendLine(inv, $"Reproduce with `{command}`. None of these outcomes is a fit target: the behaviour parameters were fitted to CALIBRATION.md §1 only (`results/calibration-fit.md`), so each row is an out-of-sample prediction.");
        sb.AppendLine();
        foreach (var line in setting)
        {
            sb.AppendLine(inv, $"* {line}");
        }

        var simulated = results.Where(r => r.Verdict != DirectionVerdict.NotSimulated).ToList();
        var right = simulated.Count(r => r.Verdict == DirectionVerdict.Right);
        var wrong = simulated.Count(r => r.Verdict == DirectionVerdict.Wrong);
        var ratios = simulated.Select(r => r.SizeRatio).OfType<double>().ToList();
        sb.AppendLine();
        sb.AppendLine(inv, $"**Directions right: {right} of {simulated.Count}** ({(simulated.Count == 0 ? 0 : 100.0 * right / simulated.Count):F0} %); wrong {wrong}, undecided at this scale {simulated.Count - right - wrong}; {results.Count - simulated.Count} published outcome(s) not simulated.");
        if (ratios.Count > 0)
        {
            sb.AppendLine(inv, $"Where a size is published, simulated ÷ published: {string.Join(", ", ratios.Select(x => x.ToString("F2", inv)))}.");
        }

        sb.AppendLine();
        sb.AppendLine("A verdict is judged on the 95 % interval of the paired relative effect: **right** when it lies wholly on the published side (for a published non-effect, wholly within the stated band), **wrong** when it lies wholly on the other side (or outside the band), **undecided** when it straddles the boundary. A miss is a finding about the model, not a number to tune.");
        sb.AppendLine();
        sb.AppendLine("| outcome | published | grade | metric | simulated effect [95 % CI] | verdict | simulated ÷ published |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var o = r.Outcome;
            var published = o.Direction == 0 ? $"≈ 0 (within ± {o.NullBandPct:G2} %)" : o.SizePct is { } p ? $"{SignedNumber.Format(p, "0.##")} %" : o.Direction > 0 ? "up" : "down";
            var effect = r.Simulated is { } s && r.Verdict != DirectionVerdict.NotSimulated
                ? string.Create(inv, $"{SignedNumber.Format(s.RelPct)} % [{SignedNumber.Format(s.RelPctCi95Low)}, {SignedNumber.Format(s.RelPctCi95High)}]")
                : "not simulated";
            var verdict = r.Verdict switch
            {
                DirectionVerdict.Right => "right",
                DirectionVerdict.Wrong => "**wrong**",
                DirectionVerdict.Undecided => "undecided",
                _ => "—",
            };
            sb.AppendLine(inv, $"| `{o.Id}` | {published} | {o.Grade} | `{o.Metric}` | {effect} | {verdict} | {(r.SizeRatio is { } x ? x.ToString("F2", inv) : "—")} |");
        }

        sb.AppendLine();
        sb.AppendLine("## The outcomes");
        sb.AppendLine();
        foreach (var r in results)
        {
            var o = r.Outcome;
            sb.AppendLine(inv, $"### `{o.Id}`");
            sb.AppendLine();
            sb.AppendLine(inv, $"* Experiment: {o.Experiment}");
            sb.AppendLine(inv, $"* Published: {o.Finding} ({o.Source}; grade {o.Grade}.)");
            sb.AppendLine(inv, $"* Scenario: {(o.Scenario.Length == 0 ? "none" : $"`scenarios/validation/{o.Scenario}`, variant `{o.Variant}`")}. {o.Mimic}");
            if (r.Simulated is { } s && r.Verdict != DirectionVerdict.NotSimulated)
            {
                sb.AppendLine(inv, $"* Simulated: `{o.Metric}` {s.BaselineMean:G4} in the control arm, {s.VariantMean:G4} in the treatment, {SignedNumber.Format(s.RelPct)} % [{SignedNumber.Format(s.RelPctCi95Low)}, {SignedNumber.Format(s.RelPctCi95High)}] over {s.N} paired replications.");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}
