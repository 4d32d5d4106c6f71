using System.Globalization;
using Simulator.Reporting.Report;
using Simulator.Reporting.Results;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Model;

namespace Simulator.Reporting.Sweep;

/// <summary>
/// One chart per headline metric against the swept value: mean with 95 % CI whiskers. Numeric
/// values sit on a numeric axis ("none" one step past the largest); other values are categories.
/// </summary>
public static class SweepCharts
{
    public static readonly string[] Metrics =
    [
        MetricKeys.DauMau, MetricKeys.MinutesPerDau, MetricKeys.SessionsPerDau, MetricKeys.SessionMinutes,
        MetricKeys.RetentionD1, MetricKeys.RetentionD7, MetricKeys.RetentionD30, MetricKeys.TopicEntropy,
        MetricKeys.BoredomExitShare, MetricKeys.LimitExitShare, MetricKeys.ExposureGini, MetricKeys.NewCreatorShare,
    ];

    public static IReadOnlyList<Chart> For(SweepPlan plan, IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(runs);
        var xs = Positions(plan, out var labels);
        var charts = new List<Chart>();
        foreach (var metric in Metrics)
        {
            var summaries = runs.Select(r => SweepWriter.Summary(r, metric)).ToList();
            if (summaries.Any(s => s is null))
            {
                continue;
            }

            var plot = Style(metric, plan.Parameter);
            var ys = summaries.Select(s => s!.Mean).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.Color = ChartStyle.Palette[0];
            line.LineWidth = 2;
            line.MarkerSize = 7;
            for (var i = 0; i < xs.Length; i++)
            {
                var s = summaries[i]!;
                if (s.N > 1)
                {
                    var whisker = plot.Add.Line(xs[i], s.Ci95Low, xs[i], s.Ci95High);
                    whisker.Color = ChartStyle.Palette[0];
                    whisker.LineWidth = 2;
                }
            }

            if (labels is not null)
            {
                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs, labels);
            }

            charts.Add(ChartStyle.Render(plot, $"sweep_{metric.Replace('.', '_')}.png", $"{metric} against {plan.Parameter}: mean over replications with 95 % CI."));
        }

        return charts;
    }

    private static ScottPlot.Plot Style(string metric, string parameter) => ChartStyle.New($"{metric} by {parameter}", parameter, metric);

    /// <summary>X positions of the points; labels are set when the axis needs custom ticks.</summary>
    private static double[] Positions(SweepPlan plan, out string[]? labels)
    {
        var keys = plan.Points.Select(p => p.Key).ToList();
        var numeric = keys.Select(k => double.TryParse(k, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null).ToList();
        var numbers = numeric.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (numbers.Count >= 2 && numeric.Count(v => v is null) == keys.Count(k => k == "none"))
        {
            var step = (numbers.Max() - numbers.Min()) / Math.Max(1, numbers.Count - 1);
            var xs = numeric.Select(v => v ?? numbers.Max() + Math.Max(step, 1e-9)).ToArray();
            labels = keys.Contains("none") ? [.. keys] : null;
            return xs;
        }

        labels = [.. keys];
        return [.. Enumerable.Range(0, keys.Count).Select(i => (double)i)];
    }
}
