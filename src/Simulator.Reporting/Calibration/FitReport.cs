using System.Globalization;
using System.Text;
using Simulator.Reporting.Output;

namespace Simulator.Reporting.Calibration;

/// <summary>Writes <c>results/calibration-fit.md</c>: the method and loss, the fitted values, the fit-scale metrics against their bands, the sensitivity table and the path of the search.</summary>
public static class FitReport
{
    /// <param name="outcome">What the fit found.</param>
    /// <param name="setting">Lines describing the fit's world and settings (scenario, population, days, seed, budget, …).</param>
    /// <param name="command">The command that reproduces it.</param>
    /// <param name="wallSeconds">Wall time of the whole fit.</param>
    /// <param name="profilePath">Where the fitted profile was written.</param>
    public static string Markdown(FitOutcome outcome, IReadOnlyList<string> setting, string command, double wallSeconds, string profilePath)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(setting);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Calibration fit of the behaviour parameters");
        sb.AppendLine();
        sb.AppendLine(inv, $"Reproduce with `{command}`; it wrote the profile `{profilePath}`. Wall time {wallSeconds / 60:F1} min on this machine.");
        sb.AppendLine();
        foreach (var line in setting)
        {
            sb.AppendLine(inv, $"* {line}");
        }

        sb.AppendLine();
        sb.AppendLine("Method: a sequential response-surface search on common random numbers (every evaluation runs the same seeds, so two points differ by their parameters only). The starting point (the inherited profile) and a Latin-hypercube design over the boxes are simulated first; then, batch by batch, a local linear model of each target metric (quadratic once the points support it) is fitted by weighted ridge least squares around the best point so far (a trust region that widens after a batch improves the best and narrows after one that does not), the loss those surfaces predict is minimised by compass search inside the region, and the minima are simulated. One-replication evaluations are noisy (D30 retention of a small world rests on a few dozen installs), so the lowest observed loss favours lucky dice: the fitted point is the simulated point whose smoothed loss is lowest — the loss of its metrics as a locally weighted regression over all evaluations predicts them there. It is always a simulated point, never an extrapolation.");
        sb.AppendLine();
        sb.AppendLine("Loss: the weighted mean over the targets of z², z = (simulated − band centre) / half the band's width (z = ±1 at a band's edge), weight 1 per stickiness target and the age ratio, 0.5 per completion bucket; plus ((later − earlier + 0.01) / 0.01)² for each of D1→D7 and D7→D30 where retention does not fall by at least a point. Only CALIBRATION.md §1 enters it; field experiments (§4b) are validation.");
        sb.AppendLine();
        var best = outcome.Best;
        var start = outcome.Evaluations[0];
        sb.AppendLine(inv, $"Loss at the start {start.Loss:G4} (smoothed {outcome.SmoothedLoss[0]:G4}); at the fitted point {best.Loss:G4} (smoothed {outcome.SmoothedLoss[best.Index]:G4}), evaluation {best.Index} of {outcome.Evaluations.Count}.");
        sb.AppendLine();
        sb.AppendLine("## Fitted values");
        sb.AppendLine();
        sb.AppendLine("| parameter | meaning | box | start | fitted | pinned by (leverage) |");
        sb.AppendLine("|---|---|---|---:|---:|---|");
        for (var i = 0; i < outcome.Parameters.Count; i++)
        {
            var p = outcome.Parameters[i];
            var (metric, leverage) = outcome.ConstrainedBy(i);
            var pinned = leverage < FreeBelow ? $"free ({leverage:F2})" : $"`{metric}` ({leverage:F2})";
            sb.AppendLine(inv, $"| `{p.Path}` | {p.Meaning} | {p.Low:G3}–{p.High:G3}{(p.Log ? " (log)" : "")} | {start.Values[i]:G4} | **{best.Values[i]:G4}** | {pinned} |");
        }

        sb.AppendLine();
        sb.AppendLine(inv, $"Leverage: the largest move of a target per tenth of the parameter's box, in half-band widths. Below {FreeBelow:F2} the bands of §1 leave the parameter free: the data do not pin it down and its fitted value says little.");
        sb.AppendLine();
        sb.AppendLine("## Targets at the fit's scale");
        sb.AppendLine();
        sb.AppendLine("| target | band | start | fitted | z fitted | source |");
        sb.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var t in outcome.Targets)
        {
            var m0 = start.Metrics.GetValueOrDefault(t.Band.Metric, double.NaN);
            var m1 = best.Metrics.GetValueOrDefault(t.Band.Metric, double.NaN);
            sb.AppendLine(inv, $"| `{t.Band.Metric}` | {t.Band.Low:G3}–{t.Band.High:G3} | {m0:G3} | {m1:G3} | {SignedNumber.Format(CalibrationLoss.Z(t, m1))} | {t.Band.Source} |");
        }

        sb.AppendLine();
        SensitivitySection(sb, outcome);
        sb.AppendLine("## Path of the search");
        sb.AppendLine();
        sb.AppendLine("| evaluation | loss | smoothed | best observed so far |");
        sb.AppendLine("|---:|---:|---:|---:|");
        var bestSoFar = double.PositiveInfinity;
        foreach (var e in outcome.Evaluations)
        {
            bestSoFar = Math.Min(bestSoFar, e.Loss);
            sb.AppendLine(inv, $"| {e.Index}{(e.Index == best.Index ? " (fitted)" : "")} | {e.Loss:G4} | {outcome.SmoothedLoss[e.Index]:G4} | {bestSoFar:G4} |");
        }

        sb.AppendLine();
        return sb.ToString();
    }

    /// <summary>Leverage below which a parameter counts as left free by the bands.</summary>
    public const double FreeBelow = 0.1;

    private static void SensitivitySection(StringBuilder sb, FitOutcome outcome)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("## Sensitivity at the fitted point");
        sb.AppendLine();
        sb.AppendLine("How much each target moves when one parameter rises by a tenth of its box (linear box: + 0.1 × width; log box: × (high / low)^0.1), the others held, read off the response surfaces at the fitted point. Per unit of the parameter, divide by the step in the second column.");
        sb.AppendLine();
        sb.Append("| parameter | step |");
        foreach (var t in outcome.Targets)
        {
            sb.Append(inv, $" {Short(t.Band.Metric)} |");
        }

        sb.AppendLine();
        sb.Append("|---|---:|");
        sb.AppendLine(string.Concat(outcome.Targets.Select(_ => "---:|")));
        for (var i = 0; i < outcome.Parameters.Count; i++)
        {
            var p = outcome.Parameters[i];
            var step = p.Log ? $"×{Math.Pow(p.High / p.Low, 0.1):F3}" : (0.1 * (p.High - p.Low)).ToString("G3", inv);
            sb.Append(inv, $"| `{p.Path}` | {step} |");
            foreach (var v in outcome.Sensitivity[i])
            {
                sb.Append(inv, $" {(v > 0 ? "+" : "")}{v.ToString("G2", inv)} |");
            }

            sb.AppendLine();
        }

        sb.AppendLine();
    }

    private static string Short(string metric) => metric[(metric.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
