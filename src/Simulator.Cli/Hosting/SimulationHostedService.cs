using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Simulator.Cli.Console;
using Simulator.Reporting.Output;
using Simulator.Reporting.Running;
using Simulator.Scenarios.Model;
using Spectre.Console;

namespace Simulator.Cli.Hosting;

/// <summary>
/// Runs the simulation loop inside the generic host (DESIGN.md §3). Ctrl+C cancels the host's
/// stopping token; the loop notices it at the next tick boundary. A plain run writes whatever is
/// complete, marked "interrupted" in the manifest; an interrupted compare or sweep writes
/// nothing, since its arms could not be paired.
/// </summary>
internal sealed class SimulationHostedService(RunRequest request, IHostApplicationLifetime lifetime, ILogger<SimulationHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Leave the host's start-up path before the CPU-bound loop begins.
        await Task.Yield();
        try
        {
            var started = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var arms = request.Arms ?? [new(request.Document.Scenario.Name, request.Document.Scenario)];
            var results = await RunWithProgress(arms, stoppingToken).ConfigureAwait(false);
            request.Results = results;
            request.Result = results[^1];
            var info = new ManifestInfo
            {
                Version = BuildInfo.Version,
                Commit = BuildInfo.BuiltFrom ?? BuildInfo.Commit(AppContext.BaseDirectory) ?? BuildInfo.Commit(request.Document.Path),
                StartedUtc = started,
                Command = request.CommandLine,
            };
            if (request.Finish is null)
            {
                request.ResultFolder = ResultWriter.Write(request.OutputRoot, request.Document, request.Result, info);
                request.ExitCode = request.Result.Complete ? ExitCodes.Success : ExitCodes.RunFailure;
                if (!request.Result.Complete)
                {
                    Log.Interrupted(logger, request.ResultFolder);
                }
            }
            else if (results.Count == arms.Count && results.All(r => r.Complete))
            {
                (request.ResultFolder, request.ExitCode) = request.Finish(results, info);
            }
            else
            {
                Log.InterruptedNothingWritten(logger);
                request.ExitCode = ExitCodes.RunFailure;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.RunFailed(logger, ex);
            request.ExitCode = ExitCodes.RunFailure;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task<List<RunResult>> RunWithProgress(IReadOnlyList<KeyValuePair<string, Scenario>> arms, CancellationToken token)
    {
        var results = new List<RunResult>(arms.Count);
        var interactive = !request.Quiet && !System.Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            foreach (var (label, scenario) in arms)
            {
                var progress = request.Quiet ? null : new ConsoleProgress(logger, null, arms.Count > 1 ? label : null);
                var result = await Task.Run(() => ScenarioRunner.Run(scenario, request.Options, progress, token), CancellationToken.None).ConfigureAwait(false);
                results.Add(result);
                if (!result.Complete)
                {
                    break;
                }
            }

            return results;
        }

        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                foreach (var (label, scenario) in arms)
                {
                    var task = ctx.AddTask(Markup.Escape(label), maxValue: 1);
                    var progress = new ConsoleProgress(logger, task, arms.Count > 1 ? label : null);
                    var result = await Task.Run(() => ScenarioRunner.Run(scenario, request.Options, progress, token), CancellationToken.None).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                    results.Add(result);
                    if (!result.Complete)
                    {
                        break;
                    }
                }
            }).ConfigureAwait(false);
        return results;
    }
}
