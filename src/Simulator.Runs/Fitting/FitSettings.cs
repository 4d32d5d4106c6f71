using Simulator.Reporting.Calibration;
using Simulator.Scenarios.Calibration;

namespace Simulator.Runs.Fitting;

/// <summary>How a fit searches: its design seed, evaluation budget and batch; none depends on thread count.</summary>
public sealed record FitSettings
{
    /// <summary>Seed of the design and the searches (the worlds use the scenario's own seed: common random numbers).</summary>
    public required ulong Seed { get; init; }

    /// <summary>Simulated evaluations in all, the starting point included.</summary>
    public required int Budget { get; init; }

    /// <summary>Points proposed and run together (one lane each); part of the design, so fixed, not the thread count.</summary>
    public int Batch { get; init; } = 2;

    /// <summary>Latin-hypercube points after the start before the surrogate proposes; 0 → half the budget, at least d + 2.</summary>
    public int InitialDesign { get; init; }

    /// <summary>The parameters searched.</summary>
    public IReadOnlyList<FitParameter> Parameters { get; init; } = FitParameterSet.Parameters;

    /// <summary>The bands fitted to: CALIBRATION.md §1 (<see cref="CalibrationLoss.Targets"/>) unless a synthetic-truth check says otherwise.</summary>
    public IReadOnlyList<FitTarget> Targets { get; init; } = CalibrationLoss.Targets;

    /// <summary>The starting values (the inherited profile's or the scenario's), in parameter order.</summary>
    public required IReadOnlyList<double> Start { get; init; }

    /// <summary>Design points including the start.</summary>
    public int DesignSize => Math.Min(Budget, InitialDesign > 0 ? InitialDesign : Math.Max(Parameters.Count + 2, Budget / 2));
}
