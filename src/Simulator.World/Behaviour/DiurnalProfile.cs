namespace Simulator.World.Behaviour;

/// <summary>
/// Relative session-start intensity by local hour, mean 1. CALIBRATION.md has no published
/// hourly curve; this shape (night trough 02–06, evening peak 19–22) is a guess after typical
/// mobile-app usage curves and is flagged as such in the scenario docs.
/// </summary>
internal static class DiurnalProfile
{
    private static readonly double[] Raw =
    [
        0.55, 0.35, 0.20, 0.12, 0.10, 0.15, 0.35, 0.65, 0.85, 0.90, 0.95, 1.05,
        1.20, 1.10, 1.00, 1.00, 1.10, 1.25, 1.45, 1.65, 1.80, 1.80, 1.50, 1.00,
    ];

    public static readonly double[] Intensity = Normalise(Raw);

    public static readonly double Max = Intensity.Max();

    private static double[] Normalise(double[] raw)
    {
        var mean = raw.Average();
        return Array.ConvertAll(raw, x => x / mean);
    }
}
