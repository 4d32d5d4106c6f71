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

    /// <summary>External model files and plug-in assemblies the baseline and variants name (full path → SHA-256 of its bytes, lower-case hex).</summary>
    public IReadOnlyDictionary<string, string> Models { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// What a snapshot of this scenario is tied to: <see cref="Hash"/>, and with external models
    /// also their contents (a retrained file at the same path makes checkpoints of the old one refuse to resume).
    /// </summary>
    public string DefinitionHash => Models.Count == 0
        ? Hash
        : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Hash + string.Concat(Models.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"\n{m.Key}={m.Value}")))));
}
