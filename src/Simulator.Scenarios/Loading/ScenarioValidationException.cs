namespace Simulator.Scenarios.Loading;

/// <summary>Thrown when a scenario file has one or more errors; carries all of them.</summary>
public sealed class ScenarioValidationException : Exception
{
    public ScenarioValidationException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors)) => Errors = errors;

    public ScenarioValidationException()
        : this([])
    {
    }

    public ScenarioValidationException(string message)
        : base(message) => Errors = [];

    public ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    public IReadOnlyList<ScenarioError> Errors { get; }
}
