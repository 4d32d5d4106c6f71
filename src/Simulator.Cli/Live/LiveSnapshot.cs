namespace Simulator.Cli.Live;

/// <summary>What the live view and the terminal panel show at one moment (serialised as the page's JSON, snake_case).</summary>
/// <param name="Version">The board's change count when taken.</param>
/// <param name="Command">run, compare, sweep or calibrate.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Status">running, stopping, complete, interrupted or failed.</param>
/// <param name="Message">What the end came to, in one line (the results folder, or why nothing was written).</param>
/// <param name="Report">A finished report is served at /report.</param>
/// <param name="ReportPath">Where that report lies on disk.</param>
/// <param name="ElapsedSeconds">Wall time since the command started.</param>
/// <param name="Arms">Each arm's progress and curves, in the command's order (a compare's baseline first).</param>
/// <param name="Differences">A compare's variants against its baseline; empty otherwise.</param>
/// <param name="Fit">A calibration fit's evaluations; null otherwise.</param>
internal sealed record LiveSnapshot(
    long Version,
    string Command,
    string Scenario,
    string Status,
    string? Message,
    bool Report,
    string? ReportPath,
    double ElapsedSeconds,
    IReadOnlyList<LiveArm> Arms,
    IReadOnlyList<LiveDifference> Differences,
    LiveFit? Fit);

/// <summary>One arm's progress and daily curves.</summary>
/// <param name="Label">The arm's name (baseline, a variant, a sweep point).</param>
/// <param name="Replications">Replications the arm plans.</param>
/// <param name="Fraction">Share of the arm's planned ticks done, warm-ups included (0–1).</param>
/// <param name="Day">The least advanced running replication's day: negative in the warm-up (−3: three warm-up days left).</param>
/// <param name="Days">Reported days the scenario runs.</param>
/// <param name="DaysDone">Reported days that every replication has completed.</param>
/// <param name="ReplicationDays">Reported days each replication has completed, in replication order.</param>
/// <param name="ActiveSessions">Users in a session at the last report.</param>
/// <param name="ImpressionsPerSecond">Over the last few seconds of wall time, all the arm's replications together.</param>
/// <param name="EtaSeconds">Wall seconds left at the recent pace; null before there is one.</param>
/// <param name="Daily">Per reported day, the replications' band of each headline metric.</param>
/// <param name="Settle">The settle diagnostic of the days every replication has so far (summary.json's settle block, running).</param>
internal sealed record LiveArm(
    string Label,
    int Replications,
    double Fraction,
    int Day,
    int Days,
    int DaysDone,
    IReadOnlyList<int> ReplicationDays,
    int ActiveSessions,
    double ImpressionsPerSecond,
    double? EtaSeconds,
    IReadOnlyList<LiveDay> Daily,
    LiveSettle Settle);

/// <summary>One reported day of an arm: mean and 95 % interval over the replications that have reached it.</summary>
internal sealed record LiveDay(int Day, int N, LiveBand MinutesPerDau, LiveBand Dau, LiveBand SessionsPerDau, LiveBand DauMau);

/// <summary>A mean and its Student-t 95 % interval over replications (null where undefined).</summary>
internal sealed record LiveBand(double? Mean, double? Low, double? High);

/// <summary>Whether the reported days drift (see SettleDiagnostic): null fields until three days are in.</summary>
internal sealed record LiveSettle(bool Assessed, bool Settled, int WindowDays, IReadOnlyList<LiveSettleCheck> Checks);

internal sealed record LiveSettleCheck(string Metric, double? Drift, double? Low, double? High, bool Settled);

/// <summary>
/// A compare variant against the baseline over the reported days so far: per day, the paired
/// difference in % of the baseline of the metric over days 0..day, over the replications both arms
/// have reached (the interval narrows as replications finish; the final one is compare.json's).
/// </summary>
internal sealed record LiveDifference(string Label, IReadOnlyList<LiveDifferenceDay> Daily);

internal sealed record LiveDifferenceDay(int Day, int N, LiveBand MinutesPerDauPct, LiveBand DauPct);

/// <summary>A calibration fit's evaluations so far.</summary>
internal sealed record LiveFit(int Budget, IReadOnlyList<FitEvaluation> Evaluations);

/// <summary>One fit evaluation: its loss and the best loss up to it.</summary>
internal sealed record FitEvaluation(int Index, double Loss, double Best, int BestIndex);
