using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Simulator.Cli.Console;
using Simulator.Cli.Live;
using Simulator.Engine.Snapshots;
using Simulator.Reporting.Output;
using Simulator.Reporting.Results;
using Simulator.Runs;
using Spectre.Console;

namespace Simulator.Cli.Hosting;

/// <summary>
/// Runs the simulation loop inside the generic host (DESIGN.md §3) and completes
/// <see cref="Outcome"/> with what it came to. Ctrl+C cancels the host's stopping token; the loop
/// notices it at the next tick boundary. A plain run writes whatever is complete, marked
/// "interrupted" in the manifest; an interrupted compare or sweep writes nothing, since its arms
/// could not be paired.
/// </summary>
internal sealed class SimulationHostedService(RunRequest request, LiveBoard board, IHostApplicationLifetime lifetime, ILogger<SimulationHostedService> logger) : BackgroundService
{
    private readonly TaskCompletionSource<RunOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the run has ended and its results are written (or refused).</summary>
    public Task<RunOutcome> Outcome => _outcome.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave the host's start-up path before the CPU-bound loop begins.
        await Task.Yield();
        var outcome = RunOutcome.Failed;
        try
        {
            outcome = await RunAndWrite(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = Failure(ex is AggregateException { InnerExceptions: [var inner] } ? inner : ex);
        }
        finally
        {
            _outcome.TrySetResult(outcome);
            lifetime.StopApplication();
        }
    }

    // One line for what a user can act on (a refused snapshot: exit 2; a file that cannot be written: exit 1); the trace only with --verbose.
    private RunOutcome Failure(Exception ex)
    {
        switch (ex)
        {
            case SnapshotException refused:
                return RunOutcome.Refused with { Error = refused.Message };
            case IOException or UnauthorizedAccessException:
                return RunOutcome.Failed with { Error = "could not read or write: " + ex.Message };
            default:
                Log.RunFailed(logger, ex.Message, Verbosity.Verbose ? ex : null);
                return RunOutcome.Failed with { Error = $"the run failed: {ex.GetType().Name}: {ex.Message} (--verbose shows where)" };
        }
    }

    private async Task<RunOutcome> RunAndWrite(CancellationToken token)
    {
        var started = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var arms = request.Arms ?? [new Arm(request.Document.Scenario.Name, request.Document.Scenario)];
        var results = await RunWithProgress(arms, token).ConfigureAwait(false);
        var info = new ManifestInfo
        {
            Version = BuildInfo.Version,
            Commit = BuildInfo.BuiltFrom ?? BuildInfo.Commit(AppContext.BaseDirectory) ?? BuildInfo.Commit(request.Document.Path),
            StartedUtc = started,
            Command = request.CommandLine,
        };
        if (request.Finish is null)
        {
            var result = results[^1];
            var folder = ResultWriter.Write(request.OutputRoot, request.Document, result, info);
            string? hint = null;
            if (!result.Complete)
            {
                Log.Interrupted(logger, folder);
                hint = request.Options.Checkpoints is { } kept ? $"snapshots kept; continue with: simulator resume {kept.Directory}" : null;
            }
            else if (request.Options.Checkpoints is { KeepDays: false } done)
            {
                Commands.CheckpointArea.Remove(done);
            }

            return new RunOutcome(result.Complete ? ExitCodes.Success : ExitCodes.RunFailure, folder, results) { Hint = hint };
        }

        if (results.Count == arms.Count && results.All(r => r.Complete))
        {
            var (folder, exitCode) = request.Finish(results, info);
            return new RunOutcome(exitCode, folder, results);
        }

        Log.InterruptedNothingWritten(logger);
        return new RunOutcome(ExitCodes.RunFailure, null, results);
    }

    // Every arm reports to the board (the live view's and the terminal panel's numbers); on a terminal
    // the panel draws it, redirected output gets one log line per simulated day, --quiet nothing.
    private async Task<IReadOnlyList<RunResult>> RunWithProgress(IReadOnlyList<Arm> arms, CancellationToken token)
    {
        var labelled = arms.Count > 1;
        var interactive = !request.Quiet && !System.Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var watched = request.Live is not null || interactive;
        IRunProgress? For(Arm arm)
        {
            var index = IndexOf(arms, arm);
            var plain = request.Quiet || interactive ? null : new ConsoleProgress(logger, labelled ? arm.Label : null);
            return watched ? board.ProgressFor(index, plain) : plain;
        }

        var run = Task.Run(() => StudyRunner.Run(arms, request.Options, For, token), CancellationToken.None);
        if (!interactive)
        {
            return await run.ConfigureAwait(false);
        }

        await AnsiConsole.Live(TerminalPanel.Render(board.Snapshot()))
            .AutoClear(false)
            .StartAsync(async ctx =>
            {
                while (!run.IsCompleted)
                {
                    await Task.WhenAny(run, Task.Delay(TerminalPanel.RefreshInterval, CancellationToken.None)).ConfigureAwait(false);
                    ctx.UpdateTarget(TerminalPanel.Render(board.Snapshot()));
                }
            }).ConfigureAwait(false);
        return await run.ConfigureAwait(false);
    }

    private static int IndexOf(IReadOnlyList<Arm> arms, Arm arm)
    {
        for (var i = 0; i < arms.Count; i++)
        {
            if (ReferenceEquals(arms[i], arm))
            {
                return i;
            }
        }

        throw new ArgumentException($"arm {arm.Label} is not one of the run's", nameof(arm));
    }
}
