namespace Simulator.Scenarios.Loading;

/// <summary>One problem in a scenario file, located precisely.</summary>
/// <param name="File">Path of the file as given.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="KeyPath">Dotted key path, e.g. population.countries.US.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ScenarioError(string File, int Line, int Column, string KeyPath, string Message)
{
    public override string ToString() =>
        $"{File}({Line},{Column}): error at '{(KeyPath.Length == 0 ? "<root>" : KeyPath)}': {Message}";
}
