using System.Net.Sockets;
using Simulator.Cli.Hosting;
using Simulator.Runs;

namespace Simulator.Cli.Live;

/// <summary>How a hosted command (run, compare, sweep, calibrate, validate-model) gets its board, its live view and its end on the board.</summary>
internal static class LiveRun
{
    /// <summary>A board with the request's arms and the replications each plans.</summary>
    public static LiveBoard Board(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var arms = request.Arms ?? [new Arm(request.Document.Scenario.Name, request.Document.Scenario)];
        return new LiveBoard(request.Command, request.Document.Scenario.Name, [.. arms.Select(a => (a.Label, ScenarioRunner.Planned(a.Scenario, request.Options)))]);
    }

    /// <summary>
    /// Starts the live view when <paramref name="live"/> asks for one and prints its address; null
    /// when none was asked for, or after printing why it could not listen.
    /// </summary>
    public static async Task<LiveServer?> ServeAsync(LiveBoard board, LiveRequest? live, CancellationTokenSource stop, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(stderr);
        if (live is null)
        {
            return null;
        }

        try
        {
            var server = await LiveServer.StartAsync(board, live.Address, live.Port, () =>
            {
                board.Stopping();
                stop.Cancel();
            }).ConfigureAwait(false);
            await stderr.WriteLineAsync($"live view: {server.Address} (read-only; its Stop button does what Ctrl+C does)").ConfigureAwait(false);
            return server;
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"error: the live view cannot listen on {live.Address}:{live.Port}: {ex.Message} (choose another port with --live PORT, or --live 0 for any free one).").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Puts the command's end on the board: the report it wrote, or why nothing was.</summary>
    public static void Finish(LiveBoard board, RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(outcome);
        var report = outcome.ResultFolder is { } folder && File.Exists(Path.Combine(folder, "report.html")) ? Path.GetFullPath(Path.Combine(folder, "report.html")) : null;
        var complete = outcome.ExitCode is ExitCodes.Success or ExitCodes.GuardrailViolated && outcome.Results.All(r => r.Complete);
        var status = complete ? "complete" : outcome.Results.Count > 0 ? "interrupted" : "failed";
        var message = outcome.Error ?? (outcome.ResultFolder is { } f ? $"Results in {f}." : "Nothing was written: an interrupted study's arms cannot be paired.");
        board.Finish(status, report, message);
    }
}
