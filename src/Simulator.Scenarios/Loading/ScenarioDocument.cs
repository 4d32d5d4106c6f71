using Simulator.Scenarios.Model;

namespace Simulator.Scenarios.Loading;

/// <summary>A validated scenario file: the baseline scenario, its variants and the source.</summary>
public sealed record ScenarioDocument
{
    /// <summary>Path as given.</summary>
    public required string Path { get; init; }

    /// <summary>The file's text, kept for the report and the manifest.</summary>
    public required string Text { get; init; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string Hash { get; init; }

    /// <summary>The calibration profile the scenario inherits, or null with <c>calibration: none</c>.</summary>
    public Calibration.CalibrationProfile? Profile { get; init; }

    /// <summary>The baseline scenario.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>Variants for <c>simulator compare</c>, in file order, each fully resolved over the baseline.</summary>
    public required IReadOnlyList<KeyValuePair<string, Scenario>> Variants { get; init; }

    /// <summary>The one-parameter grid for <c>simulator sweep</c>, if the file declares one.</summary>
    public SweepPlan? Sweep { get; init; }
}
