namespace Simulator.Runs.Fitting;

/// <summary>Simulates parameter points and returns each one's target metrics (means over its replications).</summary>
public interface IFitEvaluator
{
    /// <summary>Evaluates the points (parameter values in set order) together; throws <see cref="OperationCanceledException"/> when stopped.</summary>
    IReadOnlyList<IReadOnlyDictionary<string, double>> Evaluate(IReadOnlyList<IReadOnlyList<double>> points, CancellationToken cancellationToken);
}
