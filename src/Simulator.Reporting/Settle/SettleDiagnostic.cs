using Simulator.Reporting.Results;
using Simulator.Reporting.Statistics;
using Simulator.Scenarios.Model;
using Simulator.World.Simulation;

namespace Simulator.Reporting.Settle;

/// <summary>One metric's trend over the reported window.</summary>
/// <param name="Metric">Headline key of the daily series.</param>
/// <param name="Drift">Mean over replications of the least-squares trend across the window, as a share of the series' level (0.1: up 10 % from the first reported day to the last).</param>
/// <param name="Ci95Low">Student-t 95 % interval of <paramref name="Drift"/> over replications (equal to it with one replication).</param>
/// <param name="Ci95High">Upper end of that interval.</param>
/// <param name="Settled">Within the tolerance, or not distinguishable from no trend.</param>
public sealed record SettleCheck(string Metric, double Drift, double Ci95Low, double Ci95High, bool Settled);

/// <summary>
/// Whether the reported days come from a world in its steady state: for minutes per DAU,
/// sessions per DAU and DAU/MAU, the least-squares trend of each replication's daily values over
/// the reported window, as a share of their level, summarised over replications. A metric is
/// settled when its drift is within ±<see cref="Tolerance"/>, or when its 95 % interval over
/// replications covers no drift at all (the trend is lost in the replication noise). A world
/// still ramping up (habits forming, the recommender still learning) shows as an unsettled drift.
/// </summary>
public sealed record SettleDiagnostic(int WindowDays, IReadOnlyList<SettleCheck> Checks)
{
    /// <summary>Largest drift over the window counted as settled whatever the noise.</summary>
    public const double Tolerance = 0.05;

    /// <summary>Fewest reported days over which a trend is assessed.</summary>
    public const int MinimumDays = 3;

    /// <summary>True when the run is long enough to assess and every metric is settled.</summary>
    public bool Assessed => Checks.Count > 0;

    /// <summary>Every metric settled (false when not assessed).</summary>
    public bool Settled => Assessed && Checks.All(c => c.Settled);

    /// <summary>The diagnostic of a run's reported days.</summary>
    public static SettleDiagnostic Of(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Of([.. run.Replications.Select(r => r.Days)]);
    }

    /// <summary>The diagnostic of the reported days each replication has so far (a running run's, for the live view).</summary>
    public static SettleDiagnostic Of(IReadOnlyList<IReadOnlyList<DailyTotals>> replications)
    {
        ArgumentNullException.ThrowIfNull(replications);
        var days = replications.Count == 0 ? 0 : replications.Min(r => r.Count);
        if (days < MinimumDays)
        {
            return new SettleDiagnostic(days, []);
        }

        var checks = new List<SettleCheck>
        {
            Check(replications, days, MetricKeys.MinutesPerDau, d => d.Dau > 0 ? d.WatchMinutes / d.Dau : double.NaN),
            Check(replications, days, MetricKeys.SessionsPerDau, d => d.Dau > 0 ? (double)d.SessionsStarted / d.Dau : double.NaN),
            Check(replications, days, MetricKeys.DauMau, d => d.Mau > 0 ? (double)d.Dau / d.Mau : double.NaN),
        };
        return new SettleDiagnostic(days, checks);
    }

    private static SettleCheck Check(IReadOnlyList<IReadOnlyList<DailyTotals>> replications, int days, string metric, Func<DailyTotals, double> value)
    {
        var drifts = new List<double>();
        foreach (var rep in replications)
        {
            var y = new double[days];
            for (var d = 0; d < days; d++)
            {
                y[d] = value(rep[d]);
            }

            if (Drift(y) is { } drift)
            {
                drifts.Add(drift);
            }
        }

        if (drifts.Count == 0)
        {
            return new SettleCheck(metric, double.NaN, double.NaN, double.NaN, Settled: true);
        }

        var s = MetricSummary.Of(drifts);
        var covered = drifts.Count > 1 && s.Ci95Low <= 0 && s.Ci95High >= 0;
        return new SettleCheck(metric, s.Mean, s.Ci95Low, s.Ci95High, Math.Abs(s.Mean) <= Tolerance || covered);
    }

    // Least-squares slope × (days − 1) / mean: the fitted change across the window relative to its level.
    private static double? Drift(double[] y)
    {
        double n = 0, sx = 0, sy = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (double.IsFinite(y[i]))
            {
                n++;
                sx += i;
                sy += y[i];
            }
        }

        if (n < MinimumDays || sy == 0)
        {
            return null;
        }

        double mx = sx / n, my = sy / n, sxy = 0, sxx = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (double.IsFinite(y[i]))
            {
                sxy += (i - mx) * (y[i] - my);
                sxx += (i - mx) * (i - mx);
            }
        }

        return sxx > 0 ? sxy / sxx * (y.Length - 1) / my : null;
    }
}
