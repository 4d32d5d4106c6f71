using Simulator.Reporting.Statistics;
using Simulator.Scenarios.Model;

namespace Simulator.Reporting.Compare;

/// <summary>A guardrail checked against one variant.</summary>
public sealed record GuardrailResult
{
    public required string Variant { get; init; }

    public required Guardrail Guardrail { get; init; }

    public required GuardrailVerdict Verdict { get; init; }

    /// <summary>The paired difference the verdict rests on; null when not measured.</summary>
    public PairedDifference? Difference { get; init; }

    /// <summary>"drop" or "rise" and the limit in percent, e.g. "drop ≤ 1 %".</summary>
    public string Rule => Guardrail.MaxDropPct is { } drop ? $"drop ≤ {drop:0.###} %" : $"rise ≤ {Guardrail.MaxRisePct:0.###} %";

    /// <summary>True when the verdict should fail a CI gate (<paramref name="strict"/>: inconclusive fails too).</summary>
    public bool Violates(bool strict) => Verdict is GuardrailVerdict.Fail or GuardrailVerdict.NotMeasured || (strict && Verdict == GuardrailVerdict.Inconclusive);

    /// <summary>Judges a guardrail on the relative change of its metric.</summary>
    public static GuardrailResult Judge(string variant, Guardrail guardrail, PairedDifference? difference)
    {
        ArgumentNullException.ThrowIfNull(guardrail);
        if (difference is null || double.IsNaN(difference.RelPct))
        {
            return new GuardrailResult { Variant = variant, Guardrail = guardrail, Verdict = GuardrailVerdict.NotMeasured, Difference = difference };
        }

        // Express the change so that positive is harmful: a drop for max_drop_pct, a rise for max_rise_pct.
        var (harm, worst, limit) = guardrail.MaxDropPct is { } drop
            ? (-difference.RelPct, -difference.RelPctCi95Low, drop)
            : (difference.RelPct, difference.RelPctCi95High, guardrail.MaxRisePct!.Value);
        var verdict = harm > limit ? GuardrailVerdict.Fail
            : double.IsFinite(worst) && worst > limit ? GuardrailVerdict.Inconclusive
            : GuardrailVerdict.Pass;
        return new GuardrailResult { Variant = variant, Guardrail = guardrail, Verdict = verdict, Difference = difference };
    }
}
