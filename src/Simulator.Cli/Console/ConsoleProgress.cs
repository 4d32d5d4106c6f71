using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Simulator.Runs;

namespace Simulator.Cli.Console;

/// <summary>
/// Progress as one log line per simulated day (simulated day, impressions per second, share
/// done), for output that is redirected; a terminal gets the live panel instead (TerminalPanel).
/// </summary>
internal sealed class ConsoleProgress(ILogger logger, string? arm = null) : IRunProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _lastLoggedDay = -1;
    private int _replication = -1;
    private double _lastSeconds;
    private long _lastImpressions;
    private double _rate;

    public void Report(in RunProgress p)
    {
        var now = _clock.Elapsed.TotalSeconds;
        if (p.Replication != _replication)
        {
            _replication = p.Replication;
            _lastLoggedDay = -1;
            _lastImpressions = 0;
        }
        else if (now > _lastSeconds)
        {
            // Rate since the previous report: what the run does now, not since start-up. The
            // impression count restarts at day 0 after a warm-up, so a drop counts from zero.
            var delta = p.Impressions >= _lastImpressions ? p.Impressions - _lastImpressions : p.Impressions;
            _rate = delta / (now - _lastSeconds);
        }

        _lastSeconds = now;
        _lastImpressions = p.Impressions;
        var done = (double)p.Replication * p.EndTick + p.Tick;
        var total = (double)p.Replications * p.EndTick;
        var day = p.Day < 0 ? $"warm-up day {-p.Day}" : $"day {Math.Min(p.Day + 1, p.Days)}/{p.Days}";
        var label = $"{(arm is null ? "" : arm + " · ")}rep {p.Replication + 1}/{p.Replications} · {day} · {_rate:N0} imp/s · {p.ActiveSessions:N0} in session";
        if (p.Day != _lastLoggedDay || p.Tick == p.EndTick)
        {
            _lastLoggedDay = p.Day;
            Hosting.Log.Progress(logger, label, total > 0 ? done / total : 1);
        }
    }
}
