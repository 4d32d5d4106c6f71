using Simulator.Reporting.Results;
using Simulator.Scenarios.Model;

namespace Simulator.Reporting.Calibration;

/// <summary>
/// The loss <c>calibrate --fit</c> minimises, in one place. Each target's term is the squared
/// distance of the simulated value from the middle of its published band, in half-band widths
/// (z = (m − centre) / half-width; z = ±1 at the band's edges), so wide, soft bands (minutes per
/// DAU 30–95) pull less than narrow ones. The loss is the weighted mean of z², plus a penalty that
/// keeps install-cohort retention falling with N (D1 > D7 > D30, CALIBRATION.md §1, A): for each
/// pair, ((later − earlier + 0.01) / 0.01)² when the later day is not at least a point below.
/// A missing metric (no cohort measured) counts as z = 10. Only §1 is here: field experiments
/// (§4b) are validation and never enter the objective.
/// </summary>
public static class CalibrationLoss
{
    /// <summary>Minutes per DAU of the youngest over the oldest generation (derived metric).</summary>
    public const string AgeRatio = "fit.minutes_ratio_gen_z_boomer";

    private const double MissingZ = 10;
    private const double OrderGap = 0.01;

    /// <summary>
    /// The targets: the seven stickiness bands, completion by length (the 10-minute bucket left
    /// out: too few impressions at fit scale), and the generation gradient (eMarketer's 2025 US
    /// forecast, 77 min/day at 18–24 against 39 at 55–64 (B): ratio 1.97, read as ± 25 %).
    /// </summary>
    public static readonly IReadOnlyList<FitTarget> Targets =
    [
        .. CalibrationTarget.Stickiness.Select(t => new FitTarget(t, 1.0)),
        .. CalibrationTarget.Completion.Where(t => t.Metric != MetricKeys.Completion600s).Select(t => new FitTarget(t, 0.5)),
        new(new CalibrationTarget(AgeRatio, 1.48, 2.46, "§1: eMarketer 2025 (B): 77 min/day at 18–24 vs 39 at 55–64, ratio 1.97 ± 25 %"), 1.0),
    ];

    /// <summary>Term z of one target for a simulated value (NaN → the missing penalty).</summary>
    public static double Z(FitTarget target, double value)
    {
        ArgumentNullException.ThrowIfNull(target);
        return double.IsFinite(value) ? (value - target.Centre) / target.HalfWidth : MissingZ;
    }

    /// <summary>The loss of a set of simulated metric means against <see cref="Targets"/>.</summary>
    public static double Of(IReadOnlyDictionary<string, double> metrics) => Of(metrics, Targets);

    /// <summary>The loss against other targets (a synthetic-truth check fits to a simulated world's own values).</summary>
    public static double Of(IReadOnlyDictionary<string, double> metrics, IReadOnlyList<FitTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(targets);
        double sum = 0, weights = 0;
        foreach (var t in targets)
        {
            var z = Z(t, metrics.GetValueOrDefault(t.Band.Metric, double.NaN));
            sum += t.Weight * z * z;
            weights += t.Weight;
        }

        return sum / weights + OrderPenalty(metrics);
    }

    /// <summary>The means over replications of every target metric of a run, including the derived age ratio.</summary>
    public static Dictionary<string, double> Metrics(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in Targets)
        {
            if (t.Band.Metric == AgeRatio)
            {
                continue;
            }

            var values = run.Replications.Select(r => r.Metrics.GetValueOrDefault(t.Band.Metric, double.NaN)).Where(double.IsFinite).ToList();
            result[t.Band.Metric] = values.Count == 0 ? double.NaN : values.Average();
        }

        var ratios = run.Replications.Select(AgeRatioOf).Where(double.IsFinite).ToList();
        result[AgeRatio] = ratios.Count == 0 ? double.NaN : ratios.Average();
        return result;
    }

    private static double AgeRatioOf(ReplicationResult r)
    {
        double Minutes(string g) => r.Segments.FirstOrDefault(x => x.Dimension == "generation" && x.Segment == g)?.MinutesPerDau ?? double.NaN;
        var oldest = Minutes("boomer");
        return oldest > 0 ? Minutes("gen_z") / oldest : double.NaN;
    }

    private static double OrderPenalty(IReadOnlyDictionary<string, double> m)
    {
        double Pair(string earlier, string later)
        {
            var a = m.GetValueOrDefault(earlier, double.NaN);
            var b = m.GetValueOrDefault(later, double.NaN);
            if (!double.IsFinite(a) || !double.IsFinite(b))
            {
                return 0;
            }

            var excess = (b - a + OrderGap) / OrderGap;
            return excess > 0 ? excess * excess : 0;
        }

        return Pair(MetricKeys.RetentionD1, MetricKeys.RetentionD7) + Pair(MetricKeys.RetentionD7, MetricKeys.RetentionD30);
    }
}
