using System.Diagnostics;
using Simulator.Runs;
using Simulator.World.Simulation;

namespace Simulator.Cli.Live;

/// <summary>
/// What a running command has done so far, for the live view and the terminal panel: each arm's
/// progress and rate, the reported days' totals of every replication, a fit's evaluations, and
/// how the command ended. Written by the run's threads (progress every simulated hour, a day's
/// totals once a simulated day), read as <see cref="LiveSnapshot"/>s by the observers; it holds
/// copies, never the world, so watching cannot change a result.
/// </summary>
internal sealed class LiveBoard
{
    // Rate over the last few seconds of wall time: what the run does now, not since start-up.
    private const double RateWindowSeconds = 5;

    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ArmState[] _arms;
    private readonly List<FitEvaluation> _fit = [];
    private long _version;
    private LiveSnapshot? _cached;
    private int _fitBudget;
    private string _status = "running";
    private string? _report;
    private string? _message;

    public LiveBoard(string command, string scenario, IReadOnlyList<(string Label, int Replications)> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        Command = command;
        Scenario = scenario;
        _arms = [.. arms.Select(a => new ArmState(a.Label, a.Replications))];
    }

    public string Command { get; }

    public string Scenario { get; }

    /// <summary>Counts every change; an observer redraws when it has moved.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The report written at the end, once there is one (the live view serves it at /report).</summary>
    public string? ReportPath
    {
        get
        {
            lock (_gate)
            {
                return _report;
            }
        }
    }

    public bool Finished
    {
        get
        {
            lock (_gate)
            {
                return _status != "running" && _status != "stopping";
            }
        }
    }

    /// <summary>A progress sink for arm <paramref name="arm"/> that also passes every report on to <paramref name="inner"/>.</summary>
    public IRunProgress ProgressFor(int arm, IRunProgress? inner = null) => new ArmProgress(this, arm, inner);

    public void Progress(int arm, in RunProgress p)
    {
        lock (_gate)
        {
            var a = _arms[arm];
            var now = _clock.Elapsed.TotalSeconds;
            if (a.Samples.Count > 0 && p.Impressions < a.Samples[^1].Impressions)
            {
                // The count restarts after a warm-up: the rate starts over.
                a.Samples.Clear();
            }

            a.Samples.Add((now, p.Impressions, Fraction(p)));
            while (a.Samples.Count > 2 && now - a.Samples[1].Seconds > RateWindowSeconds)
            {
                a.Samples.RemoveAt(0);
            }

            a.Fraction = Fraction(p);
            a.Day = p.Day;
            a.Days = p.Days;
            a.Replication = p.Replication;
            a.ActiveSessions = p.ActiveSessions;
            Changed();
        }
    }

    public void Day(int arm, int replication, in DailyTotals day)
    {
        lock (_gate)
        {
            var reps = _arms[arm].Totals;
            if ((uint)replication < (uint)reps.Length)
            {
                reps[replication].Add(day);
                Changed();
            }
        }
    }

    /// <summary>A fit's evaluation <paramref name="index"/> of <paramref name="budget"/> is done.</summary>
    public void Fit(int index, int budget, double loss, double best, int bestIndex)
    {
        lock (_gate)
        {
            _fitBudget = budget;
            _fit.Add(new FitEvaluation(index, loss, best, bestIndex));
            Changed();
        }
    }

    /// <summary>Stop was asked for (the page's button or Ctrl+C): the run ends at the next tick boundary.</summary>
    public void Stopping()
    {
        lock (_gate)
        {
            if (_status == "running")
            {
                _status = "stopping";
                Changed();
            }
        }
    }

    /// <summary>The command has ended: <paramref name="status"/> is complete, interrupted or failed.</summary>
    public void Finish(string status, string? reportPath, string? message = null)
    {
        lock (_gate)
        {
            _status = status;
            _report = reportPath;
            _message = message;
            Changed();
        }
    }

    /// <summary>Everything an observer draws, computed once per version and shared.</summary>
    public LiveSnapshot Snapshot()
    {
        lock (_gate)
        {
            if (_cached is { } cached && cached.Version == _version)
            {
                return cached;
            }

            var arms = _arms.Select(a => LiveStatistics.Arm(a.Label, a.Replications, a.Fraction, a.Day, a.Days, a.ActiveSessions, Rate(a), Eta(a), a.Totals)).ToList();
            var differences = Command == "compare" && _arms.Length > 1
                ? _arms.Skip(1).Select(a => LiveStatistics.Difference(a.Label, _arms[0].Totals, a.Totals)).ToList()
                : [];
            var fit = _fitBudget > 0 ? new LiveFit(_fitBudget, [.. _fit]) : null;
            _cached = new LiveSnapshot(_version, Command, Scenario, _status, _message, _report is not null, _report, Math.Round(_clock.Elapsed.TotalSeconds, 1), arms, differences, fit);
            return _cached;
        }
    }

    private static double Fraction(in RunProgress p) =>
        p.Replications == 0 || p.EndTick == 0 ? 1 : Math.Clamp((p.Replication + (double)p.Tick / p.EndTick) / p.Replications, 0, 1);

    private static double Rate(ArmState a)
    {
        if (a.Samples.Count < 2)
        {
            return 0;
        }

        var (s0, i0, _) = a.Samples[0];
        var (s1, i1, _) = a.Samples[^1];
        return s1 > s0 ? (i1 - i0) / (s1 - s0) : 0;
    }

    // Seconds left at the pace of the last few seconds; null before there is a pace.
    private static double? Eta(ArmState a)
    {
        if (a.Samples.Count < 2)
        {
            return null;
        }

        var (s0, _, f0) = a.Samples[0];
        var (s1, _, f1) = a.Samples[^1];
        return f1 > f0 && s1 > s0 ? Math.Round((1 - f1) / ((f1 - f0) / (s1 - s0))) : null;
    }

    private void Changed()
    {
        Interlocked.Increment(ref _version);
    }

    private sealed class ArmState(string label, int replications)
    {
        public string Label { get; } = label;

        public int Replications { get; } = replications;

        public List<DailyTotals>[] Totals { get; } = [.. Enumerable.Range(0, replications).Select(_ => new List<DailyTotals>())];

        public List<(double Seconds, long Impressions, double Fraction)> Samples { get; } = [];

        public double Fraction { get; set; }

        public int Day { get; set; } = int.MinValue;

        public int Days { get; set; }

        public int Replication { get; set; }

        public int ActiveSessions { get; set; }
    }

    private sealed class ArmProgress(LiveBoard board, int arm, IRunProgress? inner) : IRunProgress
    {
        public void Report(in RunProgress progress)
        {
            board.Progress(arm, progress);
            inner?.Report(progress);
        }

        public void DayEnded(int replication, in DailyTotals day)
        {
            board.Day(arm, replication, day);
            inner?.DayEnded(replication, day);
        }
    }
}
