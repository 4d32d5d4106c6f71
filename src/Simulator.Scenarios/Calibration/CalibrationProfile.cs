namespace Simulator.Scenarios.Calibration;

/// <summary>
/// A calibration profile: fitted values of the parameters of <see cref="FitParameterSet"/> that
/// scenarios inherit as their defaults (a scenario's own keys still win), with the provenance of
/// the fit that produced them.
/// </summary>
public sealed record CalibrationProfile
{
    /// <summary>Where it was read from: a path, or <c>default</c> for the profile built into the binary.</summary>
    public required string Source { get; init; }

    /// <summary>SHA-256 of the profile's bytes, lower-case hex.</summary>
    public required string Hash { get; init; }

    /// <summary>The parameter set the values belong to (<see cref="FitParameterSet.Name"/>).</summary>
    public required string ParameterSet { get; init; }

    /// <summary>Fitted values by scenario key, in the set's order.</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> Values { get; init; }

    /// <summary>How the values were found (command, date, commit, seed, population, budget, loss, …), as written.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Provenance { get; init; }
}
