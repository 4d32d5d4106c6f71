using MathNet.Numerics.Distributions;

namespace Simulator.Reporting.Statistics;

/// <summary>
/// Paired comparison of one metric between a baseline and a variant run on common random
/// numbers: replication r of both shares its seed, so the per-replication differences cancel
/// the population and behaviour noise they share. Student-t interval and two-sided p-value on
/// the differences (n − 1 degrees of freedom); the relative change is the mean of the
/// per-replication relative changes, with its own t interval.
/// </summary>
public sealed record PairedDifference
{
    public required int N { get; init; }

    public required double BaselineMean { get; init; }

    public required double VariantMean { get; init; }

    /// <summary>Mean of variant − baseline.</summary>
    public required double Diff { get; init; }

    public required double DiffCi95Low { get; init; }

    public required double DiffCi95High { get; init; }

    /// <summary>Mean per-replication change relative to the baseline, percent (NaN when a baseline value is 0).</summary>
    public required double RelPct { get; init; }

    public required double RelPctCi95Low { get; init; }

    public required double RelPctCi95High { get; init; }

    /// <summary>Two-sided paired t-test p-value; NaN with one replication, 1 when every difference is 0.</summary>
    public required double PValue { get; init; }

    /// <summary>Pairs values by replication index; both lists must be the same length (≥ 1).</summary>
    public static PairedDifference Of(IReadOnlyList<double> baseline, IReadOnlyList<double> variant)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variant);
        if (baseline.Count != variant.Count || baseline.Count == 0)
        {
            throw new ArgumentException("Paired values need the same, non-zero number of replications.", nameof(variant));
        }

        var n = baseline.Count;
        var diffs = new double[n];
        var rel = new double[n];
        var relDefined = true;
        for (var i = 0; i < n; i++)
        {
            diffs[i] = variant[i] - baseline[i];
            relDefined &= baseline[i] != 0;
            rel[i] = relDefined ? 100.0 * diffs[i] / baseline[i] : double.NaN;
        }

        var (diff, diffLow, diffHigh, p) = TInterval(diffs);
        var (relMean, relLow, relHigh, _) = relDefined ? TInterval(rel) : (double.NaN, double.NaN, double.NaN, double.NaN);
        return new PairedDifference
        {
            N = n,
            BaselineMean = Mean(baseline),
            VariantMean = Mean(variant),
            Diff = diff,
            DiffCi95Low = diffLow,
            DiffCi95High = diffHigh,
            RelPct = relMean,
            RelPctCi95Low = relLow,
            RelPctCi95High = relHigh,
            PValue = p,
        };
    }

    private static (double Mean, double Low, double High, double P) TInterval(double[] values)
    {
        var n = values.Length;
        var mean = Mean(values);
        if (n == 1)
        {
            return (mean, double.NaN, double.NaN, double.NaN);
        }

        double ss = 0;
        foreach (var v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        var se = Math.Sqrt(ss / (n - 1)) / Math.Sqrt(n);
        if (se == 0)
        {
            // Identical differences in every replication: the interval is the point, and the
            // test is decisive unless the difference is exactly zero.
            return (mean, mean, mean, mean == 0 ? 1.0 : 0.0);
        }

        var t = StudentT.InvCDF(0, 1, n - 1, 0.975);
        var p = 2 * (1 - StudentT.CDF(0, 1, n - 1, Math.Abs(mean / se)));
        return (mean, mean - (t * se), mean + (t * se), p);
    }

    private static double Mean(IReadOnlyList<double> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Count;
    }
}
