using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Simulator.Reporting.Running;
using Spectre.Console;

namespace Simulator.Cli.Console;

/// <summary>
/// Shows progress: a Spectre.Console bar (simulated day, impressions per second, ETA) on a
/// terminal, or one log line per simulated day when output is redirected.
/// </summary>
internal sealed class ConsoleProgress(ILogger logger, ProgressTask? task) : IRunProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _lastLoggedDay = -1;
    private int _lastReplication = -1;

    public void Report(in RunProgress p)
    {
        if (p.Replication != _lastReplication)
        {
            _lastReplication = p.Replication;
            _clock.Restart();
            _lastLoggedDay = -1;
        }

        var done = (double)p.Replication * p.EndTick + p.Tick;
        var total = (double)p.Replications * p.EndTick;
        var elapsed = _clock.Elapsed.TotalSeconds;
        var rate = elapsed > 0 ? p.Impressions / elapsed : 0;

        var label = $"rep {p.Replication + 1}/{p.Replications} · day {Math.Min(p.Day + 1, p.Days)}/{p.Days} · {rate:N0} imp/s · {p.ActiveSessions:N0} in session";
        if (task is not null)
        {
            task.MaxValue = total;
            task.Value = done;
            task.Description = Markup.Escape(label);
            return;
        }

        if (p.Day != _lastLoggedDay || p.Tick == p.EndTick)
        {
            _lastLoggedDay = p.Day;
            var fraction = total > 0 ? done / total : 1;
            Hosting.Log.Progress(logger, label, fraction);
        }
    }
}
