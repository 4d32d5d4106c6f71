namespace Simulator.Scenarios.Calibration;

/// <summary>One fitted value as written into a profile.</summary>
/// <param name="Parameter">The fitted parameter.</param>
/// <param name="Value">Its fitted value.</param>
/// <param name="ConstrainedBy">The §1 target that pins it down most (largest effect per band width), or empty.</param>
public sealed record ProfileValue(FitParameter Parameter, double Value, string ConstrainedBy);
