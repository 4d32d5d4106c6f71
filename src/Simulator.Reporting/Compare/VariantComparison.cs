using Simulator.Reporting.Statistics;

namespace Simulator.Reporting.Compare;

/// <summary>One variant against the baseline: paired differences of every metric both measured, and its guardrails.</summary>
public sealed record VariantComparison
{
    public required string Name { get; init; }

    public required IReadOnlyDictionary<string, PairedDifference> Metrics { get; init; }

    public required IReadOnlyList<GuardrailResult> Guardrails { get; init; }
}
