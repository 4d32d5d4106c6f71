using Simulator.Reporting.Statistics;

namespace Simulator.Reporting.Validation;

/// <summary>A published outcome next to the simulated paired effect.</summary>
public sealed record ValidationResult(PublishedOutcome Outcome, PairedDifference? Simulated)
{
    /// <summary>The direction verdict, judged on the 95 % interval of the relative effect.</summary>
    public DirectionVerdict Verdict
    {
        get
        {
            if (Simulated is not { } s || !double.IsFinite(s.RelPctCi95Low) || !double.IsFinite(s.RelPctCi95High))
            {
                return DirectionVerdict.NotSimulated;
            }

            if (Outcome.Direction == 0)
            {
                var band = Outcome.NullBandPct;
                return s.RelPctCi95Low >= -band && s.RelPctCi95High <= band ? DirectionVerdict.Right
                    : s.RelPctCi95Low > band || s.RelPctCi95High < -band ? DirectionVerdict.Wrong
                    : DirectionVerdict.Undecided;
            }

            var low = Outcome.Direction * (Outcome.Direction > 0 ? s.RelPctCi95Low : s.RelPctCi95High);
            var high = Outcome.Direction * (Outcome.Direction > 0 ? s.RelPctCi95High : s.RelPctCi95Low);
            return low > 0 ? DirectionVerdict.Right : high < 0 ? DirectionVerdict.Wrong : DirectionVerdict.Undecided;
        }
    }

    /// <summary>Simulated over published relative size, where a size is published and simulated.</summary>
    public double? SizeRatio => Outcome.SizePct is { } p && p != 0 && Simulated is { } s && double.IsFinite(s.RelPct) ? s.RelPct / p : null;
}
