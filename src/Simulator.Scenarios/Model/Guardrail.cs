using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.Scenarios.Model;

/// <summary>A limit a variant must respect against the baseline in <c>simulator compare</c>.</summary>
[ImmutableObject(true)]
public sealed record Guardrail : IValidatableObject
{
    /// <summary>Headline metric key, e.g. stickiness.retention_d7.</summary>
    [Description("Headline metric key (see README: e.g. stickiness.retention_d7, stickiness.minutes_per_dau).")]
    public string Metric { get; init; } = "";

    /// <summary>Largest tolerated relative drop, percent.</summary>
    [Description("Largest tolerated drop of the metric relative to baseline, in percent.")]
    [Range(0.0, 100.0)]
    public double? MaxDropPct { get; init; }

    /// <summary>Largest tolerated relative rise, percent (for metrics where up is bad).</summary>
    [Description("Largest tolerated rise of the metric relative to baseline, in percent (for metrics where higher is worse).")]
    [Range(0.0, 10_000.0)]
    public double? MaxRisePct { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!MetricCatalog.IsKnown(Metric))
        {
            var hint = Loading.NearestName.Suggest(Metric, MetricCatalog.Headline);
            yield return new ValidationResult(
                $"unknown metric '{Metric}'{(hint is null ? "" : $"; did you mean '{hint}'?")}",
                [nameof(Metric)]);
        }

        if ((MaxDropPct is null) == (MaxRisePct is null))
        {
            yield return new ValidationResult("a guardrail needs exactly one of max_drop_pct or max_rise_pct.", [nameof(MaxDropPct)]);
        }
    }
}
