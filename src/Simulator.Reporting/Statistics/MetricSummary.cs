using MathNet.Numerics.Distributions;

namespace Simulator.Reporting.Statistics;

/// <summary>Mean, spread and 95 % confidence interval of one metric over replications.</summary>
public sealed record MetricSummary(double Mean, double StdDev, double StdError, double Ci95Low, double Ci95High, int N, IReadOnlyList<double> Values)
{
    /// <summary>
    /// Summarises replication values with a Student-t interval (n − 1 degrees of freedom).
    /// With one replication the interval collapses to the value (no spread can be estimated).
    /// </summary>
    public static MetricSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        if (n == 0)
        {
            throw new ArgumentException("At least one value is needed.", nameof(values));
        }

        // Summation in replication order keeps the result byte-identical run to run.
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / n;
        if (n == 1)
        {
            return new MetricSummary(mean, 0, 0, mean, mean, 1, values);
        }

        double ss = 0;
        foreach (var v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        var sd = Math.Sqrt(ss / (n - 1));
        var se = sd / Math.Sqrt(n);
        var t = StudentT.InvCDF(0, 1, n - 1, 0.975);
        return new MetricSummary(mean, sd, se, mean - t * se, mean + t * se, n, values);
    }
}
