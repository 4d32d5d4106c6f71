using Simulator.Reporting.Results;
using Simulator.Reporting.Statistics;

namespace Simulator.Reporting.Compare;

/// <summary>
/// A baseline and its variants run on common random numbers, compared metric by metric with
/// paired differences and judged against the scenario's guardrails (DESIGN.md §6–7).
/// </summary>
public sealed record Comparison
{
    public required RunResult Baseline { get; init; }

    public required IReadOnlyList<KeyValuePair<string, RunResult>> Variants { get; init; }

    public required IReadOnlyList<VariantComparison> Results { get; init; }

    /// <summary>Every guardrail verdict, variant by variant in file order.</summary>
    public IEnumerable<GuardrailResult> Guardrails => Results.SelectMany(r => r.Guardrails);

    /// <summary>True when some guardrail is violated (<paramref name="strict"/>: inconclusive counts as violated).</summary>
    public bool AnyViolation(bool strict) => Guardrails.Any(g => g.Violates(strict));

    /// <summary>Pairs each variant with the baseline replication by replication.</summary>
    public static Comparison Of(RunResult baseline, IReadOnlyList<KeyValuePair<string, RunResult>> variants)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variants);
        var results = new List<VariantComparison>(variants.Count);
        foreach (var (name, run) in variants)
        {
            if (run.Replications.Count != baseline.Replications.Count)
            {
                throw new ArgumentException($"Variant '{name}' has {run.Replications.Count} replications, the baseline {baseline.Replications.Count}; pairs need both.", nameof(variants));
            }

            var metrics = new SortedDictionary<string, PairedDifference>(StringComparer.Ordinal);
            var keys = baseline.Replications.SelectMany(r => r.Metrics.Keys).Distinct().Order(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (Paired(baseline, run, key) is { } diff)
                {
                    metrics[key] = diff;
                }
            }

            var guardrails = baseline.Scenario.Guardrails
                .Select(g => GuardrailResult.Judge(name, g, metrics.GetValueOrDefault(g.Metric)))
                .ToList();
            results.Add(new VariantComparison { Name = name, Metrics = metrics, Guardrails = guardrails });
        }

        return new Comparison { Baseline = baseline, Variants = variants, Results = results };
    }

    /// <summary>The paired difference of <paramref name="key"/>, or null when a replication of either run lacks it.</summary>
    private static PairedDifference? Paired(RunResult baseline, RunResult variant, string key)
    {
        var b = new List<double>(baseline.Replications.Count);
        var v = new List<double>(baseline.Replications.Count);
        for (var r = 0; r < baseline.Replications.Count; r++)
        {
            if (!baseline.Replications[r].Metrics.TryGetValue(key, out var x) || !variant.Replications[r].Metrics.TryGetValue(key, out var y))
            {
                return null;
            }

            b.Add(x);
            v.Add(y);
        }

        return PairedDifference.Of(b, v);
    }
}
