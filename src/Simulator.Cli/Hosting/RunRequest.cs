using Simulator.Reporting.Running;
using Simulator.Scenarios.Loading;

namespace Simulator.Cli.Hosting;

/// <summary>What the hosted simulation should do, and where its outcome goes.</summary>
internal sealed class RunRequest
{
    public required ScenarioDocument Document { get; init; }

    public required RunOptions Options { get; init; }

    public required string OutputRoot { get; init; }

    public required string CommandLine { get; init; }

    public bool Quiet { get; init; }

    /// <summary>Set by the hosted service when it finishes.</summary>
    public int ExitCode { get; set; } = ExitCodes.RunFailure;

    public string? ResultFolder { get; set; }

    public RunResult? Result { get; set; }
}
