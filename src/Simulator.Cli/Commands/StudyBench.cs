using System.Diagnostics;
using System.Globalization;
using System.Text;
using Simulator.Reporting.Compare;
using Simulator.Reporting.Output;
using Simulator.Reporting.Report;
using Simulator.Reporting.Results;
using Simulator.Runs;
using Simulator.Scenarios.Loading;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator bench --study FILE</c>: times a whole study end to end (every arm and replication,
/// warm-ups included, then writing its results and report into a scratch folder) and sets its
/// impressions per second (reported days' impressions over the whole wall time, as the manifests
/// count them) next to the bench figure at the same population, so that what the benchmark does
/// not see (warm-ups, idle replication lanes, result writing) is a number.
/// </summary>
internal static class StudyBench
{
    /// <summary>One study's timing: the arms' results and the seconds of each phase.</summary>
    public sealed record Timing(IReadOnlyList<Arm> Arms, IReadOnlyList<RunResult> Results, double SimulationSeconds, double WriteSeconds, double SimulationCpuSeconds, int Threads)
    {
        /// <summary>Share of the threads' time the process kept busy while simulating (CPU seconds over wall seconds × threads).</summary>
        public double CoreUse => SimulationSeconds > 0 ? SimulationCpuSeconds / (SimulationSeconds * Threads) : 0;

        public long Impressions => Results.Sum(r => r.Impressions);

        public double WallSeconds => SimulationSeconds + WriteSeconds;

        public double ImpressionsPerSecond => WallSeconds > 0 ? Impressions / WallSeconds : 0;
    }

    /// <summary>Runs the baseline and every variant of <paramref name="document"/> (or its one scenario) as <c>compare</c> (or <c>run</c>) would, and writes the results to a scratch folder that is then removed.</summary>
    public static Timing Run(ScenarioDocument document, int threads, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(document);
        var arms = new List<Arm> { new("baseline", document.Scenario) };
        arms.AddRange(document.Variants.Select(v => new Arm(v.Key, v.Value)));
        var options = new RunOptions { Threads = threads };
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var results = StudyRunner.Run(arms, options, null, token);
        var simulation = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        if (results.Count < arms.Count || results.Any(r => !r.Complete))
        {
            throw new OperationCanceledException("The study was stopped before it finished.");
        }

        var scratch = Path.Combine(Path.GetTempPath(), "simulator-bench-study-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var info = new ManifestInfo { Version = BuildInfo.Version, StartedUtc = "", Command = "bench --study" };
        clock.Restart();
        try
        {
            if (results.Count == 1)
            {
                ResultWriter.Write(scratch, document, results[0], info);
            }
            else
            {
                var comparison = Comparison.Of(results[0], [.. arms.Skip(1).Select((a, i) => new KeyValuePair<string, RunResult>(a.Label, results[i + 1]))]);
                CompareWriter.Write(scratch, document, comparison, info, strict: false, dir => ReportBuilder.WriteCompare(dir, document, comparison, strict: false));
            }
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        return new Timing(arms, results, simulation, clock.Elapsed.TotalSeconds, cpu, threads);
    }

    /// <summary>The Markdown section: phases, per-arm figures and the study against the bench.</summary>
    public static string Report(string name, Timing study, BenchRun bench)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(bench);
        var inv = CultureInfo.InvariantCulture;
        var benchRate = bench.Seconds > 0 ? bench.Impressions / bench.Seconds : 0;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"## bench --study: {name}, {study.Arms.Count} arm(s), {bench.Users:N0} users, {bench.Threads} thread(s)");
        sb.AppendLine();
        sb.AppendLine("| arm | replications | lanes | wall (s) | impressions (reported days) | impressions/s |");
        sb.AppendLine("|---|---|---|---|---|---|");
        for (var i = 0; i < study.Arms.Count; i++)
        {
            var r = study.Results[i];
            sb.AppendLine(inv, $"| {study.Arms[i].Label} | {r.Replications.Count} | {r.Lanes} | {r.WallSeconds:F1} | {r.Impressions:N0} | {(r.WallSeconds > 0 ? r.Impressions / r.WallSeconds : 0):N0} |");
        }

        sb.AppendLine();
        sb.AppendLine("| phase | seconds | share |");
        sb.AppendLine("|---|---|---|");
        sb.AppendLine(inv, $"| simulation (every arm, warm-ups included) | {study.SimulationSeconds:F1} | {study.SimulationSeconds / study.WallSeconds:P1} |");
        sb.AppendLine(inv, $"| results, report and plots | {study.WriteSeconds:F1} | {study.WriteSeconds / study.WallSeconds:P1} |");
        sb.AppendLine(inv, $"| total | {study.WallSeconds:F1} | |");
        sb.AppendLine();
        sb.AppendLine(inv, $"Cores busy while simulating: {study.CoreUse:P0} of {study.Threads} thread(s) (process CPU time over wall time; arms whose replications share lanes overlap, so an arm's wall time spans its first start to its last end).");
        sb.AppendLine();
        sb.AppendLine(inv, $"| **study impressions per second** | **{study.ImpressionsPerSecond:N0}** |");
        sb.AppendLine("|---|---|");
        sb.AppendLine(inv, $"| bench at the same population (baseline arm, {bench.Settings.WarmupDays} warm-up day(s), {bench.Settings.Days} timed) | {benchRate:N0} |");
        sb.AppendLine(inv, $"| study ÷ bench | {(benchRate > 0 ? study.ImpressionsPerSecond / benchRate : 0):P0} |");
        return sb.ToString();
    }
}
