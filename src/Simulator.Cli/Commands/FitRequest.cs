using Simulator.Runs;
using Simulator.Runs.Fitting;
using Simulator.Scenarios.Loading;

namespace Simulator.Cli.Commands;

/// <summary>What <c>calibrate --fit</c> was asked to do.</summary>
internal sealed record FitRequest
{
    public required ScenarioDocument Document { get; init; }
    public required RunOptions Options { get; init; }
    public required FitSettings Settings { get; init; }
    public required string ProfilePath { get; init; }
    public required string ReportPath { get; init; }
    public required string JournalPath { get; init; }
    public required string Command { get; init; }

    /// <summary>Serve the live view of the fit's evaluations (--live); null for none.</summary>
    public Live.LiveRequest? Live { get; init; }
}
