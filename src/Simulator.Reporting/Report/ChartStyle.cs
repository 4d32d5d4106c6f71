using ScottPlot;

namespace Simulator.Reporting.Report;

/// <summary>Size and look shared by every chart, so the report reads as one document.</summary>
internal static class ChartStyle
{
    public const int Width = 760;
    public const int Height = 380;

    public static readonly Color[] Palette =
    [
        new(0x1f, 0x77, 0xb4), new(0xd6, 0x27, 0x28), new(0x2c, 0xa0, 0x2c), new(0xff, 0x7f, 0x0e),
        new(0x94, 0x67, 0xbd), new(0x8c, 0x56, 0x4b), new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f),
    ];

    public static Plot New(string title, string x, string y)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        return plot;
    }

    public static Chart Render(Plot plot, string fileName, string caption, int height = Height) =>
        new(fileName, caption, plot.GetImageBytes(Width, height, ImageFormat.Png));
}
