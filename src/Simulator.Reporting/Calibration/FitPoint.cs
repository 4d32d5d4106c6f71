namespace Simulator.Reporting.Calibration;

/// <summary>One evaluated point of a fit: parameter values, the simulated target metrics (means over replications) and its loss.</summary>
public sealed record FitPoint(int Index, IReadOnlyList<double> Values, IReadOnlyDictionary<string, double> Metrics, double Loss);
