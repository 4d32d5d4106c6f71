using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Simulator.Cli.Console;
using Simulator.Reporting.Output;
using Simulator.Reporting.Running;
using Spectre.Console;

namespace Simulator.Cli.Hosting;

/// <summary>
/// Runs the simulation loop inside the generic host (DESIGN.md §3). Ctrl+C cancels the host's
/// stopping token; the loop notices it at the next tick boundary, and whatever is complete is
/// written, marked "interrupted" in the manifest.
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
            var result = await RunWithProgress(stoppingToken).ConfigureAwait(false);
            request.Result = result;
            var info = new ManifestInfo
            {
                Version = BuildInfo.Version,
                Commit = BuildInfo.Commit(AppContext.BaseDirectory) ?? BuildInfo.Commit(request.Document.Path),
                StartedUtc = started,
                Command = request.CommandLine,
            };
            request.ResultFolder = ResultWriter.Write(request.OutputRoot, request.Document, result, info);
            request.ExitCode = result.Complete ? ExitCodes.Success : ExitCodes.RunFailure;
            if (!result.Complete)
            {
                Log.Interrupted(logger, request.ResultFolder);
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

    private async Task<RunResult> RunWithProgress(CancellationToken token)
    {
        var scenario = request.Document.Scenario;
        var interactive = !request.Quiet && !System.Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        if (!interactive)
        {
            var progress = request.Quiet ? null : new ConsoleProgress(logger, null);
            return await Task.Run(() => ScenarioRunner.Run(scenario, request.Options, progress, token), CancellationToken.None).ConfigureAwait(false);
        }

        RunResult? result = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(scenario.Name), maxValue: 1);
                var progress = new ConsoleProgress(logger, task);
                result = await Task.Run(() => ScenarioRunner.Run(scenario, request.Options, progress, token), CancellationToken.None).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result!;
    }
}
