namespace Simulator.Reporting.Calibration;

/// <summary>A band of CALIBRATION.md §1 as a term of the fit's loss, with its weight.</summary>
/// <param name="Band">The published band (metric, low, high, source).</param>
/// <param name="Weight">Weight of the term: 1 for a stickiness target; each completion bucket 0.5.</param>
public sealed record FitTarget(CalibrationTarget Band, double Weight)
{
    /// <summary>Middle of the band: where the loss term is zero.</summary>
    public double Centre => (Band.Low + Band.High) / 2;

    /// <summary>Half the band's width: the loss's unit of miss.</summary>
    public double HalfWidth => (Band.High - Band.Low) / 2;
}
