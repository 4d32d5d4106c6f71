using Simulator.Reporting.Results;
using Simulator.World.Simulation;

namespace Simulator.Reporting.Report;

/// <summary>
/// The charts of one run: daily DAU and minutes, retention curve, fatigue over time and segment
/// bars. Lines are means over replications; shaded bands span the replications' min–max.
/// </summary>
public static class RunCharts
{
    public static IReadOnlyList<Chart> For(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var charts = new List<Chart>();
        if (run.Replications.Count == 0 || run.Replications[0].Days.Count == 0)
        {
            return charts;
        }

        charts.Add(Daily(run, "daily_dau.png", "Daily active users", "DAU", d => d.Dau));
        charts.Add(Daily(run, "daily_minutes.png", "Minutes watched per daily active user", "minutes / DAU", d => d.Dau > 0 ? d.WatchMinutes / d.Dau : double.NaN));
        charts.Add(Daily(run, "daily_fatigue.png", "Fatigue over time: share of sessions ended by boredom", "boredom exit share", d => d.SessionsEnded > 0 ? (double)d.FatigueExits / d.SessionsEnded : double.NaN));
        charts.Add(Daily(run, "daily_topic_entropy.png", "Topic diversity within sessions (entropy, bits)", "bits", d => d.SessionsWithImpressions > 0 ? d.SessionEntropyMilli / 1000.0 / d.SessionsWithImpressions : double.NaN));
        if (run.Replications[0].RetentionCurve.Count > 0)
        {
            charts.Add(Retention(run));
        }

        if (run.Replications[0].Campaigns.Count > 0)
        {
            charts.Add(CampaignBars(run, "campaign_roas.png", "Return on ad spend by campaign", "ROAS (revenue / spend)", r => r.Roas));
            charts.Add(CampaignBars(run, "campaign_cpa.png", "Cost per acquisition by campaign", "CPA (USD in this world)", r => r.Cpa));
            charts.Add(CampaignBars(run, "campaign_engagement.png", "Engagement per impression by campaign", "engagements / impressions", r => r.EngagementRate));
        }

        foreach (var dimension in new[] { "generation", "country", "device", "account", "age", "feed" })
        {
            if (Segments(run, dimension) is { } chart)
            {
                charts.Add(chart);
            }
        }

        return charts;
    }

    private static Chart Daily(RunResult run, string file, string title, string y, Func<DailyTotals, double> value)
    {
        var days = run.Replications.Min(r => r.Days.Count);
        var (xs, mean, low, high) = Band(days, run.Replications.Count, (rep, day) => value(run.Replications[rep].Days[day]));
        var plot = ChartStyle.New(title, "simulated day", y);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        AddBand(plot, xs, mean, low, high, ChartStyle.Palette[0]);
        plot.Axes.SetLimitsY(0, Math.Max(1e-9, high.Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.1));
        return ChartStyle.Render(plot, file, $"{title}; mean over {run.Replications.Count} replication(s), band = min–max.");
    }

    private static Chart Retention(RunResult run)
    {
        var n = run.Replications.Min(r => r.RetentionCurve.Count);
        var (xs, mean, low, high) = Band(n, run.Replications.Count, (rep, i) => run.Replications[rep].RetentionCurve[i]);
        for (var i = 0; i < xs.Length; i++)
        {
            xs[i] = i + 1;
        }

        var plot = ChartStyle.New("Retention curve of install cohorts", "days since install (N)", "day-N retention");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        AddBand(plot, xs, mean, low, high, ChartStyle.Palette[2]);
        plot.Axes.SetLimitsY(0, 1);
        return ChartStyle.Render(plot, "retention.png", "Of the users who installed on a reported day (first-active cohorts when the run has no installs), the share active again N days later; mean over replications, band = min–max.");
    }

    private static Chart? Segments(RunResult run, string dimension)
    {
        var names = run.Replications[0].Segments.Where(s => s.Dimension == dimension).Select(s => s.Segment).ToList();
        if (names.Count == 0)
        {
            return null;
        }

        var plot = ChartStyle.New($"Minutes per daily active user by {dimension}", dimension, "minutes / DAU");
        var values = new double[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var per = run.Replications
                .Select(r => r.Segments.FirstOrDefault(s => s.Dimension == dimension && s.Segment == names[i])?.MinutesPerDau ?? double.NaN)
                .Where(double.IsFinite)
                .ToList();
            values[i] = per.Count == 0 ? 0 : per.Average();
        }

        var bars = plot.Add.Bars(values);
        bars.Color = ChartStyle.Palette[0];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, names.Count).Select(i => (double)i)], [.. names]);
        plot.Axes.Margins(bottom: 0);
        return ChartStyle.Render(plot, $"segments_{dimension}.png", $"Minutes per daily active user by {dimension}, mean over replications.");
    }

    private static Chart CampaignBars(RunResult run, string file, string title, string y, Func<Marketing.CampaignRow, double> value)
    {
        var names = run.Replications[0].Campaigns.Where(r => r.Tier == "all").Select(r => r.Campaign).ToList();
        var values = names.Select(n => run.Replications
            .Select(rep => rep.Campaigns.FirstOrDefault(r => r.Campaign == n && r.Tier == "all") is { } row ? value(row) : double.NaN)
            .Where(double.IsFinite)
            .DefaultIfEmpty(0)
            .Average()).ToArray();
        var plot = ChartStyle.New(title, "campaign", y);
        var bars = plot.Add.Bars(values);
        bars.Color = ChartStyle.Palette[3];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, names.Count).Select(i => (double)i)], [.. names]);
        plot.Axes.Margins(bottom: 0);
        return ChartStyle.Render(plot, file, $"{title}, mean over replications (campaigns.csv has every tier).");
    }

    private static (double[] Xs, double[] Mean, double[] Low, double[] High) Band(int points, int reps, Func<int, int, double> value)
    {
        var xs = new double[points];
        var mean = new double[points];
        var low = new double[points];
        var high = new double[points];
        for (var i = 0; i < points; i++)
        {
            xs[i] = i;
            double sum = 0, lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            var count = 0;
            for (var r = 0; r < reps; r++)
            {
                var v = value(r, i);
                if (double.IsFinite(v))
                {
                    sum += v;
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                    count++;
                }
            }

            mean[i] = count > 0 ? sum / count : double.NaN;
            low[i] = count > 0 ? lo : double.NaN;
            high[i] = count > 0 ? hi : double.NaN;
        }

        return (xs, mean, low, high);
    }

    private static void AddBand(ScottPlot.Plot plot, double[] xs, double[] mean, double[] low, double[] high, ScottPlot.Color color)
    {
        var fill = plot.Add.FillY(xs, low, high);
        fill.FillColor = color.WithAlpha(0.2);
        fill.LineWidth = 0;
        var line = plot.Add.Scatter(xs, mean);
        line.Color = color;
        line.LineWidth = 2;
        line.MarkerSize = 4;
    }
}
