using Simulator.Reporting.Calibration;
using Simulator.Scenarios.Loading;

namespace Simulator.Runs.Fitting;

/// <summary>
/// Evaluates fit points by simulating the scenario with the points' values set over its own keys,
/// every point with the scenario's seed (common random numbers: two points differ only by their
/// parameters, not by their dice), all points of a batch in one study so that they share the lanes.
/// </summary>
public sealed class ScenarioEvaluator(ScenarioDocument document, RunOptions options, IReadOnlyList<Scenarios.Calibration.FitParameter> parameters) : IFitEvaluator
{
    /// <summary>Seconds spent simulating so far.</summary>
    public double SimulatedSeconds { get; private set; }

    /// <summary>Impressions simulated so far.</summary>
    public long Impressions { get; private set; }

    public IReadOnlyList<IReadOnlyDictionary<string, double>> Evaluate(IReadOnlyList<IReadOnlyList<double>> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        var arms = points.Select((values, k) => new Arm(
            $"point-{k}",
            ScenarioLoader.WithValues(document, [.. parameters.Select((p, i) => new KeyValuePair<string, double>(p.Path, values[i]))]))).ToList();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var runs = StudyRunner.Run(arms, options, cancellationToken: cancellationToken);
        SimulatedSeconds += System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        Impressions += runs.Sum(r => r.Impressions);
        if (runs.Count < arms.Count || runs.Any(r => !r.Complete))
        {
            throw new OperationCanceledException("the fit was stopped inside an evaluation.");
        }

        return [.. runs.Select(r => (IReadOnlyDictionary<string, double>)CalibrationLoss.Metrics(r))];
    }
}
