using Simulator.Scenarios.Calibration;

namespace Simulator.Reporting.Calibration;

/// <summary>What <c>calibrate --fit</c> found: every evaluation, the best one, and the local sensitivities there.</summary>
public sealed record FitOutcome
{
    /// <summary>The fitted parameters, in coordinate order.</summary>
    public required IReadOnlyList<FitParameter> Parameters { get; init; }

    /// <summary>Every evaluation in the order it was made (index 0 is the starting point).</summary>
    public required IReadOnlyList<FitPoint> Evaluations { get; init; }

    /// <summary>Per evaluation, the loss of its metrics as smoothed over neighbouring evaluations (what the fitted point is chosen by).</summary>
    public required IReadOnlyList<double> SmoothedLoss { get; init; }

    /// <summary>Index of the evaluation with the lowest smoothed loss: the fitted point.</summary>
    public required int BestIndex { get; init; }

    /// <summary>
    /// [parameter][target]: how much each target metric moves when the parameter rises by a tenth
    /// of its box (linear boxes: + 0.1 × (high − low); log boxes: × (high / low)^0.1), read off
    /// the response surfaces at the fitted point.
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<double>> Sensitivity { get; init; }

    /// <summary>The targets, in the sensitivity table's column order.</summary>
    public required IReadOnlyList<FitTarget> Targets { get; init; }

    /// <summary>The best point.</summary>
    public FitPoint Best => Evaluations[BestIndex];

    /// <summary>
    /// Per parameter, the target it moves most per band: argmax over targets of
    /// |sensitivity| / half-width, and that largest ratio (its leverage).
    /// </summary>
    public (string Metric, double Leverage) ConstrainedBy(int parameter)
    {
        var best = ("", 0.0);
        for (var t = 0; t < Targets.Count; t++)
        {
            var leverage = Math.Abs(Sensitivity[parameter][t]) / Targets[t].HalfWidth;
            if (double.IsFinite(leverage) && leverage > best.Item2)
            {
                best = (Targets[t].Band.Metric, leverage);
            }
        }

        return best;
    }
}
