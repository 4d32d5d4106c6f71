using Simulator.Reporting.Output;
using Simulator.Reporting.Running;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Model;

namespace Simulator.Cli.Hosting;

/// <summary>What the hosted simulation should do, and where its outcome goes.</summary>
internal sealed record RunRequest
{
    public required ScenarioDocument Document { get; init; }

    public required RunOptions Options { get; init; }

    public required string OutputRoot { get; init; }

    public required string CommandLine { get; init; }

    public bool Quiet { get; init; }

    /// <summary>
    /// The scenarios to run one after another, with a label each (compare: baseline and
    /// variants; sweep: grid points). Null runs the document's baseline alone.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, Scenario>>? Arms { get; init; }

    /// <summary>
    /// Writes the results of complete multi-arm runs and returns the folder and exit code.
    /// Null for a plain run, which writes through <see cref="ResultWriter"/> (partial results included).
    /// </summary>
    public Func<IReadOnlyList<RunResult>, ManifestInfo, (string Folder, int ExitCode)>? Finish { get; init; }

    /// <summary>Set by the hosted service when it finishes.</summary>
    public int ExitCode { get; set; } = ExitCodes.RunFailure;

    public string? ResultFolder { get; set; }

    public RunResult? Result { get; set; }

    public IReadOnlyList<RunResult> Results { get; set; } = [];
}
