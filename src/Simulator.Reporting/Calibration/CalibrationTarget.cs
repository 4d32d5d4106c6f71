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
        new("stickiness.dau_mau", 0.30, 0.50, "§1: TikTok 10–14 days active a month → 0.33–0.47 (C, App Annie); issue band 0.30–0.50"),
        new("stickiness.minutes_per_dau", 30, 95, "§1: 34 min/day US (B, GWS Magnify 2024) to 95 min/day global (B, Sensor Tower 2022)"),
        new("stickiness.session_minutes", 5, 12, "§1: ≈ 8-minute sessions (B, GWS Magnify 2024)"),
        new("stickiness.sessions_per_dau", 3, 6, "§1: ≈ 4 sessions a day (34 ÷ 8, derived)"),
        new("stickiness.retention_d1", 0.30, 0.48, "§1: social apps D1 30–48 % (C, app benchmark blogs)"),
        new("stickiness.retention_d7", 0.18, 0.28, "§1: social apps D7 18–28 % (C)"),
        new("stickiness.retention_d30", 0.12, 0.18, "§1: social apps D30 12–18 % (C)"),
    ];

    /// <summary>Completion by length, CALIBRATION.md §1 (C, calculatecreator.com); "close to" read as ± 0.10.</summary>
    public static readonly CalibrationTarget[] Completion =
    [
        new("engagement.completion_7s", 0.79, 0.99, "§1: 7 s → 89 %"),
        new("engagement.completion_15s", 0.63, 0.83, "§1: 15 s → 73 %"),
        new("engagement.completion_30s", 0.45, 0.65, "§1: 30 s → 55 %"),
        new("engagement.completion_60s", 0.28, 0.48, "§1: 60 s → 38 %"),
        new("engagement.completion_90s", 0.18, 0.38, "§1: 90 s → 28 %"),
        new("engagement.completion_180s", 0.07, 0.27, "§1: 3 min → 17 %"),
        new("engagement.completion_600s", 0.00, 0.18, "§1: 10 min → 8 %"),
    ];
}
