using Simulator.Scenarios.Model;

namespace Simulator.Reporting.Results;

/// <summary>All replications of one scenario run.</summary>
public sealed record RunResult
{
    public required Scenario Scenario { get; init; }

    /// <summary>Worker threads the run was given (manifest only: results do not depend on it).</summary>
    public required int Threads { get; init; }

    /// <summary>Multiplier the population size was run at.</summary>
    public required double Scale { get; init; }

    public required IReadOnlyList<ReplicationResult> Replications { get; init; }

    /// <summary>True when every planned replication ran to its last tick.</summary>
    public required bool Complete { get; init; }

    public required int PlannedReplications { get; init; }

    /// <summary>The finished Parquet impression log, if one was asked for.</summary>
    public string? ImpressionLogPath { get; init; }

    /// <summary>Wall-clock seconds of the whole run (replications may overlap in lanes).</summary>
    public required double WallSeconds { get; init; }

    /// <summary>Replications run side by side.</summary>
    public int Lanes { get; init; } = 1;

    /// <summary>How the arm's replications started, for a study's results: forked from the baseline's burn-in, or its own warm-up and why; null for a plain run.</summary>
    public string? Start { get; init; }

    public long Impressions => Replications.Sum(r => r.Impressions);
}
