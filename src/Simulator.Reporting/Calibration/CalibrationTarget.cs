using Simulator.Scenarios.Model;
namespace Simulator.Reporting.Calibration;

/// <summary>A published band an emergent metric of the baseline world should land in.</summary>
/// <param name="Metric">Summary metric key.</param>
/// <param name="Low">Lower end of the band.</param>
/// <param name="High">Upper end of the band.</param>
/// <param name="Source">Where the band comes from (CALIBRATION.md section, grade and source).</param>
public sealed record CalibrationTarget(string Metric, double Low, double High, string Source)
{
    /// <summary>The bands of CALIBRATION.md §1 that the baseline is checked against.</summary>
    public static readonly CalibrationTarget[] Stickiness =
    [
        new(MetricKeys.DauMau, 0.30, 0.50, "§1: TikTok 10–14 days active a month → 0.33–0.47 (C, App Annie); issue band 0.30–0.50"),
        new(MetricKeys.MinutesPerDau, 30, 95, "§1: 34 min/day US (B, GWS Magnify 2024) to 95 min/day global (B, Sensor Tower 2022)"),
        new(MetricKeys.SessionMinutes, 5, 12, "§1: ≈ 8-minute sessions (B, GWS Magnify 2024)"),
        new(MetricKeys.SessionsPerDau, 3, 6, "§1: ≈ 4 sessions a day (34 ÷ 8, derived)"),
        new(MetricKeys.RetentionD1, 0.30, 0.48, "§1: social apps D1 30–48 % (C, app benchmark blogs)"),
        new(MetricKeys.RetentionD7, 0.18, 0.28, "§1: social apps D7 18–28 % (C)"),
        new(MetricKeys.RetentionD30, 0.12, 0.18, "§1: social apps D30 12–18 % (C)"),
    ];

    /// <summary>Completion by length, CALIBRATION.md §1 (C, calculatecreator.com); "close to" read as ± 0.10.</summary>
    public static readonly CalibrationTarget[] Completion =
    [
        new(MetricKeys.Completion7s, 0.79, 0.99, "§1: 7 s → 89 %"),
        new(MetricKeys.Completion15s, 0.63, 0.83, "§1: 15 s → 73 %"),
        new(MetricKeys.Completion30s, 0.45, 0.65, "§1: 30 s → 55 %"),
        new(MetricKeys.Completion60s, 0.28, 0.48, "§1: 60 s → 38 %"),
        new(MetricKeys.Completion90s, 0.18, 0.38, "§1: 90 s → 28 %"),
        new(MetricKeys.Completion180s, 0.07, 0.27, "§1: 3 min → 17 %"),
        new(MetricKeys.Completion600s, 0.00, 0.18, "§1: 10 min → 8 %"),
    ];

    /// <summary>
    /// When a video's views come, by its age: Trendpop's tracking of videos over 90 days (B,
    /// trendpop.com "The new TikTok video lifecycle", VidCon 2022): 32 % of a typical video's views
    /// in its first 24 hours, 38 % in 48, 55 % in its first week. Not in CALIBRATION.md; "about"
    /// read as ± 0.10. The simulated share is cross-sectional (views of the reported days by the
    /// video's age at the view), which equals a typical video's share in a steady state.
    /// </summary>
    public static readonly CalibrationTarget[] ViewAge =
    [
        new(MetricKeys.ViewsFirstDayShare, 0.22, 0.42, "Trendpop 2022 (B): 32 % of views in the first 24 h"),
        new(MetricKeys.ViewsFirstWeekShare, 0.45, 0.65, "Trendpop 2022 (B): 55 % of views in the first week"),
    ];
}
