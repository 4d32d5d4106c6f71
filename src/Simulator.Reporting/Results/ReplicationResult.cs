using Simulator.Reporting.Collection;
using Simulator.World.Simulation;

namespace Simulator.Reporting.Results;

/// <summary>Outcome of one replication.</summary>
public sealed record ReplicationResult
{
    public required int Index { get; init; }

    public required ulong Seed { get; init; }

    public required int Users { get; init; }

    public required IReadOnlyList<DailyTotals> Days { get; init; }

    public required SortedDictionary<string, double> Metrics { get; init; }

    /// <summary>Offline evaluations of the recommender's models during the measured period (empty for policies without a model).</summary>
    public IReadOnlyList<Recommender.Evaluation.OfflineEvaluation> Evaluations { get; init; } = [];

    /// <summary>Per-segment stickiness and fatigue.</summary>
    public required IReadOnlyList<SegmentRow> Segments { get; init; }

    /// <summary>Campaign outcomes by tier (empty without campaigns).</summary>
    public IReadOnlyList<Marketing.CampaignRow> Campaigns { get; init; } = [];

    /// <summary>Creator tiers and top creators.</summary>
    public IReadOnlyList<Marketing.CreatorRow> Creators { get; init; } = [];

    /// <summary>Day-N cohort retention for N = 1… (index N − 1), as far as the run can measure (at most 30).</summary>
    public IReadOnlyList<double> RetentionCurve { get; init; } = [];

    public required long Impressions { get; init; }

    /// <summary>False when the run was cancelled before its last tick.</summary>
    public required bool Complete { get; init; }

    /// <summary>Wall-clock seconds (manifest only; never in deterministic outputs).</summary>
    public required double WallSeconds { get; init; }
}
