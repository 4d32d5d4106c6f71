using Simulator.Reporting.Compare;
using Simulator.Scenarios.Model;

namespace Simulator.Reporting.Report;

/// <summary>Forest plot of a comparison: each headline metric's relative change with its 95 % CI, per variant.</summary>
public static class CompareCharts
{
    /// <summary>Metrics shown in the forest plot (the rest are in the tables).</summary>
    public static readonly string[] ForestMetrics =
    [
        MetricKeys.DauMau, MetricKeys.MinutesPerDau, MetricKeys.SessionsPerDau, MetricKeys.SessionMinutes,
        MetricKeys.RetentionD1, MetricKeys.RetentionD7, MetricKeys.RetentionD30, MetricKeys.TopicEntropy,
        MetricKeys.BoredomExitShare, MetricKeys.RepeatTopicShare, MetricKeys.ExposureGini, MetricKeys.NewCreatorShare,
        MetricKeys.LikeRate, MetricKeys.CompletionRate,
    ];

    public static IReadOnlyList<Chart> For(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return [.. comparison.Results.Select(Forest)];
    }

    private static Chart Forest(VariantComparison v)
    {
        var rows = ForestMetrics.Where(m => v.Metrics.TryGetValue(m, out var d) && double.IsFinite(d.RelPct)).ToList();
        var plot = ChartStyle.New($"{v.Name} vs baseline: change with 95 % CI", "change relative to baseline (%)", "");
        for (var i = 0; i < rows.Count; i++)
        {
            var d = v.Metrics[rows[i]];
            var y = rows.Count - 1 - i;
            var low = double.IsFinite(d.RelPctCi95Low) ? d.RelPctCi95Low : d.RelPct;
            var high = double.IsFinite(d.RelPctCi95High) ? d.RelPctCi95High : d.RelPct;
            var significant = low > 0 || high < 0;
            var color = significant ? ChartStyle.Palette[d.RelPct < 0 ? 1 : 2] : ChartStyle.Palette[7];
            var whisker = plot.Add.Line(low, y, high, y);
            whisker.Color = color;
            whisker.LineWidth = 2;
            var dot = plot.Add.Marker(d.RelPct, y);
            dot.Color = color;
            dot.Size = 8;
        }

        var zero = plot.Add.VerticalLine(0);
        zero.Color = ChartStyle.Palette[7];
        zero.LinePattern = ScottPlot.LinePattern.Dashed;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i))], [.. rows]);
        plot.Axes.SetLimitsY(-0.7, rows.Count - 0.3);
        return ChartStyle.Render(plot, $"forest_{v.Name}.png", $"{v.Name}: relative change of each metric vs baseline (paired, 95 % CI); red = significantly lower, green = significantly higher, grey = CI spans zero.", 120 + (28 * rows.Count));
    }
}
