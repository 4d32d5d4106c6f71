using Simulator.Scenarios.Model;

namespace Simulator.Scenarios.Loading;

/// <summary>A one-parameter grid from a scenario's <c>sweep</c> block: each point a fully resolved scenario.</summary>
public sealed record SweepPlan
{
    /// <summary>Dotted key path that varies, e.g. <c>policies.0.daily_limit.minutes</c>.</summary>
    public required string Parameter { get; init; }

    /// <summary>Grid points in file order: label (the value as written, or "none") and scenario.</summary>
    public required IReadOnlyList<KeyValuePair<string, Scenario>> Points { get; init; }
}
