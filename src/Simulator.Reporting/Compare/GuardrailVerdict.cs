namespace Simulator.Reporting.Compare;

/// <summary>Outcome of one guardrail for one variant.</summary>
public enum GuardrailVerdict
{
    /// <summary>The change and its whole 95 % interval are within the limit.</summary>
    Pass,

    /// <summary>The estimated change is within the limit but the 95 % interval reaches past it.</summary>
    Inconclusive,

    /// <summary>The estimated change is past the limit.</summary>
    Fail,

    /// <summary>The metric was not measured in one of the runs (e.g. D30 retention in a short run).</summary>
    NotMeasured,
}
