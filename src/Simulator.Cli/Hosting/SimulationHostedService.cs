using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Simulator.Cli.Console;
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
internal sealed class SimulationHostedService(RunRequest request, IHostApplicationLifetime lifetime, ILogger<SimulationHostedService> logger) : BackgroundService
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

    private async Task<IReadOnlyList<RunResult>> RunWithProgress(IReadOnlyList<Arm> arms, CancellationToken token)
    {
        var labelled = arms.Count > 1;
        var interactive = !request.Quiet && !System.Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            IRunProgress? Plain(Arm arm) => request.Quiet ? null : new ConsoleProgress(logger, null, labelled ? arm.Label : null);
            return await Task.Run(() => StudyRunner.Run(arms, request.Options, Plain, token), CancellationToken.None).ConfigureAwait(false);
        }

        IReadOnlyList<RunResult> results = [];
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                // One bar per arm: arms that share replication lanes advance together.
                var bars = new List<ProgressTask>();
                IRunProgress Bar(Arm arm)
                {
                    var bar = ctx.AddTask(Markup.Escape(arm.Label), maxValue: 1);
                    bars.Add(bar);
                    return new ConsoleProgress(logger, bar, labelled ? arm.Label : null);
                }

                results = await Task.Run(() => StudyRunner.Run(arms, request.Options, Bar, token), CancellationToken.None).ConfigureAwait(false);
                foreach (var (bar, result) in bars.Zip(results))
                {
                    if (result.Complete)
                    {
                        bar.Value = bar.MaxValue;
                    }
                }
            }).ConfigureAwait(false);
        return results;
    }
}
