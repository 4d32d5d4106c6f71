namespace Simulator.Scenarios.Calibration;

/// <summary>
/// One hidden behaviour parameter that <c>simulator calibrate --fit</c> estimates: the scenario
/// key it sets, the box it is searched in and whether the search runs on its logarithm (rates and
/// time constants, whose effect is multiplicative).
/// </summary>
/// <param name="Path">Dotted scenario key, e.g. <c>behaviour.return.clustering</c>.</param>
/// <param name="Low">Lower end of the search box (inside the key's own allowed range).</param>
/// <param name="High">Upper end of the search box.</param>
/// <param name="Log">Search on ln(value): the box is sampled evenly in logarithms.</param>
/// <param name="Meaning">What it is, in a line, for the docs and the fit report.</param>
public sealed record FitParameter(string Path, double Low, double High, bool Log, string Meaning)
{
    /// <summary>Maps a value to [0, 1] across the box.</summary>
    public double ToUnit(double value) => Log
        ? (Math.Log(value) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low))
        : (value - Low) / (High - Low);

    /// <summary>Maps a coordinate in [0, 1] back to a value.</summary>
    public double FromUnit(double unit)
    {
        var u = Math.Clamp(unit, 0.0, 1.0);
        return Log ? Math.Exp(Math.Log(Low) + u * (Math.Log(High) - Math.Log(Low))) : Low + u * (High - Low);
    }

    /// <summary>Whether a value lies inside the box.</summary>
    public bool Contains(double value) => value >= Low && value <= High;
}
