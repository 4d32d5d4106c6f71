using Simulator.Reporting.Settle;
using Simulator.Reporting.Statistics;
using Simulator.World.Simulation;

namespace Simulator.Cli.Live;

/// <summary>
/// The live view's numbers from the days the replications have reported so far: the same daily
/// formulas as daily.csv and the settle block, and the same Student-t intervals as summary.json
/// (<see cref="MetricSummary"/>), over whichever replications have reached each day.
/// </summary>
internal static class LiveStatistics
{
    public static LiveArm Arm(string label, int replications, double fraction, int day, int days, int active, double rate, double? eta, IReadOnlyList<List<DailyTotals>> totals)
    {
        var reached = totals.Count == 0 ? 0 : totals.Max(t => t.Count);
        var daily = new List<LiveDay>(reached);
        for (var d = 0; d < reached; d++)
        {
            var having = totals.Where(t => t.Count > d).Select(t => t[d]).ToList();
            daily.Add(new LiveDay(
                having[0].Day,
                having.Count,
                Band(having.Select(MinutesPerDau)),
                Band(having.Select(t => (double)t.Dau)),
                Band(having.Select(t => t.Dau > 0 ? (double)t.SessionsStarted / t.Dau : double.NaN)),
                Band(having.Select(t => t.Mau > 0 ? (double)t.Dau / t.Mau : double.NaN))));
        }

        var settle = SettleDiagnostic.Of([.. totals]);
        var checks = settle.Checks.Select(c => new LiveSettleCheck(c.Metric, Finite(c.Drift), Finite(c.Ci95Low), Finite(c.Ci95High), c.Settled)).ToList();
        return new LiveArm(
            label,
            replications,
            Math.Round(fraction, 4),
            day,
            days,
            totals.Count == 0 ? 0 : totals.Min(t => t.Count),
            [.. totals.Select(t => t.Count)],
            active,
            Math.Round(rate),
            eta,
            daily,
            new LiveSettle(settle.Assessed, settle.Settled, settle.WindowDays, checks));
    }

    /// <summary>Paired differences of <paramref name="variant"/> against <paramref name="baseline"/>, replication by replication.</summary>
    public static LiveDifference Difference(string label, IReadOnlyList<List<DailyTotals>> baseline, IReadOnlyList<List<DailyTotals>> variant)
    {
        var pairs = Math.Min(baseline.Count, variant.Count);
        var reached = Enumerable.Range(0, pairs).Select(r => Math.Min(baseline[r].Count, variant[r].Count)).DefaultIfEmpty(0).Max();
        var daily = new List<LiveDifferenceDay>(reached);
        for (var d = 0; d < reached; d++)
        {
            var minutes = new List<double>();
            var dau = new List<double>();
            for (var r = 0; r < pairs; r++)
            {
                if (baseline[r].Count > d && variant[r].Count > d)
                {
                    var (bm, bd) = Window(baseline[r], d);
                    var (vm, vd) = Window(variant[r], d);
                    minutes.Add(Percent(vm, bm));
                    dau.Add(Percent(vd, bd));
                }
            }

            daily.Add(new LiveDifferenceDay(baseline[0].Count > d ? baseline[0][d].Day : d, minutes.Count, Band(minutes), Band(dau)));
        }

        return new LiveDifference(label, daily);
    }

    private static double MinutesPerDau(DailyTotals t) => t.Dau > 0 ? t.WatchMinutes / t.Dau : double.NaN;

    // Minutes per DAU and mean DAU over days 0..d: watch minutes over DAU-days, as summary.json's headline.
    private static (double MinutesPerDau, double Dau) Window(List<DailyTotals> days, int d)
    {
        double minutes = 0, dau = 0;
        for (var i = 0; i <= d; i++)
        {
            minutes += days[i].WatchMinutes;
            dau += days[i].Dau;
        }

        return (dau > 0 ? minutes / dau : double.NaN, dau / (d + 1));
    }

    private static double Percent(double value, double reference) => reference != 0 && double.IsFinite(reference) ? (value - reference) / reference * 100 : double.NaN;

    private static LiveBand Band(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return new LiveBand(null, null, null);
        }

        var s = MetricSummary.Of(finite);
        return new LiveBand(Finite(s.Mean), Finite(s.Ci95Low), Finite(s.Ci95High));
    }

    private static double? Finite(double x) => double.IsFinite(x) ? Math.Round(x, 4) : null;
}
