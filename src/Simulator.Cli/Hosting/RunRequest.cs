using Simulator.Reporting.Output;
using Simulator.Reporting.Results;
using Simulator.Runs;
using Simulator.Scenarios.Loading;

namespace Simulator.Cli.Hosting;

/// <summary>What the hosted simulation should run and how its results are written.</summary>
internal sealed record RunRequest
{
    public required ScenarioDocument Document { get; init; }

    public required RunOptions Options { get; init; }

    public required string OutputRoot { get; init; }

    public required string CommandLine { get; init; }

    public bool Quiet { get; init; }

    /// <summary>The command that asked (run, compare, sweep, calibrate, validate-model): the live view's title and whether it shows differences.</summary>
    public string Command { get; init; } = "run";

    /// <summary>Serve the live view (--live); null for none.</summary>
    public Live.LiveRequest? Live { get; init; }

    /// <summary>
    /// The arms to run one after another (compare: baseline and variants; sweep: grid points).
    /// Null runs the document's baseline alone.
    /// </summary>
    public IReadOnlyList<Arm>? Arms { get; init; }

    /// <summary>
    /// Writes the results of complete multi-arm runs and returns the folder and exit code.
    /// Null for a plain run, which writes through <see cref="ResultWriter"/> (partial results included).
    /// </summary>
    public Func<IReadOnlyList<RunResult>, ManifestInfo, (string Folder, int ExitCode)>? Finish { get; init; }
}

/// <summary>What a hosted run came to: the exit code, the folder written (if any) and every arm's results.</summary>
internal sealed record RunOutcome(int ExitCode, string? ResultFolder, IReadOnlyList<RunResult> Results)
{
    /// <summary>The last arm's results (a plain run's only one); null when nothing ran.</summary>
    public RunResult? Result => Results.Count > 0 ? Results[^1] : null;

    /// <summary>Why the run failed or was refused, in one line for the user; null when it did not.</summary>
    public string? Error { get; init; }

    /// <summary>What the user can do next (e.g. resume), printed after the results; null for nothing.</summary>
    public string? Hint { get; init; }

    public static RunOutcome Failed { get; } = new(ExitCodes.RunFailure, null, []);

    /// <summary>Refused input found once the run had started (a snapshot of another build or scenario, a corrupt one).</summary>
    public static RunOutcome Refused { get; } = new(ExitCodes.InvalidInput, null, []);
}
