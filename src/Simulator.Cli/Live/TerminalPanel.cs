using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Simulator.Cli.Live;

/// <summary>
/// The terminal's live panel (Spectre.Console): one progress row per arm with its rate and time
/// left, then the same headline numbers as the live page — the last reported day's minutes per
/// DAU and DAU, the settle status, a compare's running differences, a fit's best loss.
/// </summary>
internal static class TerminalPanel
{
    /// <summary>How often the panel redraws.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(500);

    private const int BarWidth = 24;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IRenderable Render(LiveSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = new List<IRenderable>();
        if (s.Arms.Count > 0)
        {
            var arms = new Table().Border(TableBorder.Simple).AddColumns("arm", "progress", "day", "imp/s", "left", "min/DAU", "DAU", "settle");
            foreach (var a in s.Arms)
            {
                var last = a.Daily.Count > 0 ? a.Daily[^1] : null;
                arms.AddRow(
                    Markup.Escape(a.Label),
                    Bar(a.Fraction),
                    Markup.Escape(DayLabel(a)),
                    a.ImpressionsPerSecond.ToString("N0", Inv),
                    Clock(a.EtaSeconds),
                    Number(last?.MinutesPerDau.Mean, "N1"),
                    Number(last?.Dau.Mean, "N0"),
                    Settle(a.Settle));
            }

            parts.Add(arms);
        }

        if (s.Differences.Count > 0)
        {
            var diffs = new Table().Border(TableBorder.Simple).AddColumns("vs baseline", "days", "reps", "min/DAU Δ % [[95 % CI]]", "DAU Δ % [[95 % CI]]");
            foreach (var d in s.Differences)
            {
                var last = d.Daily.Count > 0 ? d.Daily[^1] : null;
                diffs.AddRow(Markup.Escape(d.Label), ((last?.Day ?? -1) + 1).ToString(Inv), (last?.N ?? 0).ToString(Inv), Markup.Escape(Band(last?.MinutesPerDauPct)), Markup.Escape(Band(last?.DauPct)));
            }

            parts.Add(diffs);
        }

        if (s.Fit is { Evaluations: var evaluations } fit)
        {
            var best = evaluations.Count > 0 ? evaluations[^1] : null;
            parts.Add(new Markup(Markup.Escape(string.Create(Inv, $"fit: evaluation {evaluations.Count}/{fit.Budget}") + (best is null ? "" : string.Create(Inv, $" · last loss {best.Loss:G4} · best {best.Best:G4} (#{best.BestIndex})")))));
        }

        if (s.Status is not "running")
        {
            parts.Add(new Markup(Markup.Escape($"{s.Status}: {s.Message}")));
        }

        return new Rows(parts);
    }

    /// <summary>What the page shows as the day: the warm-up's day, or the reported day of the total.</summary>
    public static string DayLabel(LiveArm a) =>
        a.Day == int.MinValue ? "starting" : a.Day < 0 ? string.Create(Inv, $"warm-up day {-a.Day}") : string.Create(Inv, $"day {Math.Min(a.Day + 1, a.Days)}/{a.Days}");

    private static string Bar(double fraction)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * BarWidth);
        return string.Create(Inv, $"[green]{new string('━', filled)}[/][grey]{new string('━', BarWidth - filled)}[/] {fraction * 100:F0}%");
    }

    private static string Clock(double? seconds) => seconds switch
    {
        null => "–",
        >= 3600 => string.Create(Inv, $"{Math.Floor(seconds.Value / 3600)} h {Math.Round(seconds.Value % 3600 / 60)} min"),
        >= 60 => string.Create(Inv, $"{Math.Floor(seconds.Value / 60)} min {Math.Round(seconds.Value % 60)} s"),
        _ => string.Create(Inv, $"{seconds:F0} s"),
    };

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, Inv) : "–";

    private static string Band(LiveBand? b) =>
        b?.Mean is { } m ? string.Create(Inv, $"{m:+0.0;-0.0} [{b.Low:+0.0;-0.0}, {b.High:+0.0;-0.0}]") : "–";

    private static string Settle(LiveSettle s) =>
        !s.Assessed ? "[grey]too early[/]" : s.Settled ? "[green]settled[/]" : "[red]drifting[/]";
}
