using System.Globalization;
using System.Text;
using Simulator.Engine.Loop;
using Simulator.World.Simulation;

namespace Simulator.Cli.Commands;

/// <summary>The bench's Markdown: one run's table, and the one-thread-against-N comparison.</summary>
internal static class BenchReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Of(BenchRun run)
    {
        var s = run.Settings;
        var n = run.Users;
        var sb = new StringBuilder();
        sb.Append(Inv, $"## bench: {n:N0} users, {s.Days} day(s) timed after {s.WarmupDays} warm-up day(s), policy {s.Recommender.Policy.ToString().ToLowerInvariant()}{run.Label}, {s.Threads} thread(s)\n\n");
        sb.Append(Inv, $"Machine: {Machine()}\n\n");
        sb.Append("| measure | value |\n|---|---:|\n");
        sb.Append(Inv, $"| impressions (timed days) | {run.Impressions:N0} |\n");
        sb.Append(Inv, $"| wall time, timed days | {run.Seconds:F1} s |\n");
        sb.Append(Inv, $"| **impressions per second** | **{run.Impressions / run.Seconds:N0}** |\n");
        sb.Append(Inv, $"| user-days per second | {(double)n * s.Days / run.Seconds:N0} |\n");
        if (run.Requests > 0)
        {
            // Every served slot was retrieved, scored and re-ranked; only the watched ones are
            // impressions (a session can end mid-slate, and the next session asks afresh).
            sb.Append(Inv, $"| feed requests / slots served | {run.Requests:N0} / {run.SlotsServed:N0} ({(double)run.SlotsServed / run.Requests:F2} per request; {(double)run.Impressions / run.SlotsServed:P1} of served slots watched, {(double)run.Impressions / run.Requests:F2} impressions per request) |\n");
        }

        sb.Append(Inv, $"| world build / warm-up | {run.BuildSeconds:F1} s / {run.WarmupSeconds:F1} s |\n");
        sb.Append(Inv, $"| managed memory after build | {run.BytesAfterBuild / 1048576.0:N0} MiB ({(double)run.BytesAfterBuild / n:N0} B/user; {(double)(run.BytesAfterBuild - run.LogBytes) / n:N0} B/user without the {run.LogBytes / 1048576.0:N0} MiB rolling log) |\n");
        sb.Append(Inv, $"| managed memory at end | {run.BytesAtEnd / 1048576.0:N0} MiB ({(double)run.BytesAtEnd / n:N0} B/user; {(double)(run.BytesAtEnd - run.LogBytes) / n:N0} B/user without the rolling log) |\n");
        sb.Append(Inv, $"| peak working set | {run.WorkingSet / 1048576.0:N0} MiB now, {run.PeakWorkingSet / 1048576.0:N0} MiB peak |\n");
        if (run.Snapshot is var (bytes, write, read))
        {
            sb.Append(Inv, $"| snapshot of the end state | {bytes / 1048576.0:N0} MiB ({(double)bytes / n:N0} B/user), written in {write:F2} s, restored into a fresh world in {read:F2} s |\n");
        }

        sb.Append('\n');
        AppendSystems(sb, run);
        AppendFootprint(sb, run);
        return sb.ToString();
    }

    /// <summary>The name a system's time is reported under.</summary>
    public static string NameOf(WorldSystem role) => role == WorldSystem.Sessions ? "Session" : role.ToString();

    // Where the time goes: each system's wall time; inside the sessions phase, time in feed
    // requests (retrieval + ranking + re-ranking, per thread) is split from the rest (behaviour
    // model and bookkeeping).
    private static void AppendSystems(StringBuilder sb, BenchRun run)
    {
        var total = run.Systems.Sum(x => x.Seconds);
        sb.Append("| system | phase | seconds | share |\n|---|---|---:|---:|\n");
        foreach (var (role, phase, s) in run.Systems)
        {
            if (role == WorldSystem.Sessions)
            {
                var rec = Math.Min(run.RecommendSeconds, s);
                sb.Append(Inv, $"| Session: recommend (retrieval, ranking, re-ranking) | {phase} | {rec:F2} | {rec / total:P1} |\n");
                foreach (var (stage, st) in run.Stages)
                {
                    sb.Append(Inv, $"| &nbsp;&nbsp;recommend: {stage} | {phase} | {st:F2} | {st / total:P1} |\n");
                }

                sb.Append(Inv, $"| Session: behaviour and bookkeeping | {phase} | {s - rec:F2} | {(s - rec) / total:P1} |\n");
                continue;
            }

            sb.Append(Inv, $"| {NameOf(role)} | {phase} | {s:F2} | {s / total:P1} |\n");
        }

        sb.Append(Inv, $"| total | | {total:F2} | |\n\n");
    }

    private static void AppendFootprint(StringBuilder sb, BenchRun run)
    {
        sb.Append("| state (arrays, at end) | MiB | bytes per user |\n|---|---:|---:|\n");
        foreach (var (part, bytes) in run.Footprint)
        {
            sb.Append(Inv, $"| {part} | {bytes / 1048576.0:N1} | {(double)bytes / run.Users:N0} |\n");
        }

        var sum = run.Footprint.Sum(r => r.Bytes);
        sb.Append(Inv, $"| total | {sum / 1048576.0:N1} | {(double)sum / run.Users:N0} |\n");
    }

    /// <summary>
    /// One thread against N: throughput, each system's speed-up, what the machine gives N threads
    /// that share nothing, and the bound the part outside the chunk-parallel sessions phase sets.
    /// </summary>
    public static string Scaling(BenchRun one, BenchRun many, IReadOnlyList<MachineCeiling.Result> ceilings)
    {
        var sb = new StringBuilder();
        var n = many.Threads;
        sb.Append(Inv, $"## thread scaling: 1 → {n} threads\n\n");
        sb.Append(Inv, $"| measure | 1 thread | {n} threads | speed-up |\n|---|---:|---:|---:|\n");
        sb.Append(Inv, $"| **impressions per second** | {one.Impressions / one.Seconds:N0} | {many.Impressions / many.Seconds:N0} | **{one.Seconds / many.Seconds:F2}×** |\n");
        var total1 = one.Systems.Sum(x => x.Seconds);
        var totalN = many.Systems.Sum(x => x.Seconds);
        for (var i = 0; i < one.Systems.Count; i++)
        {
            var (role, phase, s1) = one.Systems[i];
            var sN = many.Systems[i].Seconds;
            if (s1 < 0.005 * total1 && sN < 0.005 * totalN)
            {
                continue; // under half a per cent either way
            }

            var kind = phase == SimPhase.Sessions ? "chunk-parallel" : role switch
            {
                WorldSystem.RecommenderTrain => "model fits side by side",
                WorldSystem.Feedback => "recorder and bookkeeping side by side",
                _ => "serial",
            };
            sb.Append(Inv, $"| {NameOf(role)} ({kind}), s | {s1:F2} | {sN:F2} | {s1 / sN:F2}× |\n");
        }

        sb.Append(Inv, $"| all systems, s | {total1:F2} | {totalN:F2} | {total1 / totalN:F2}× |\n\n");
        var same = one.Impressions == many.Impressions;
        sb.Append(Inv, $"Same impressions on 1 and {n} threads: {one.Impressions:N0} and {many.Impressions:N0} ({(same ? "equal, as determinism requires" : "DIFFERENT: a determinism failure")}).\n\n");
        sb.Append(Inv, $"What this machine gives {n} threads that share nothing (the same work timed on 1 thread and on {n} at once; median of {ceilings[0].Ratios.Count}, range in brackets):\n\n");
        foreach (var c in ceilings)
        {
            sb.Append(Inv, $"- {c.Kernel}: **{c.Median:F2}×** ({c.Ratios.Min():F2}–{c.Ratios.Max():F2})\n");
        }

        // Amdahl with the machine's own ceiling: the sessions phase at the better kernel's speed-up,
        // everything else as measured on N threads.
        var parallel1 = one.Systems.Where(x => x.Phase == SimPhase.Sessions).Sum(x => x.Seconds);
        var parallelN = many.Systems.Where(x => x.Phase == SimPhase.Sessions).Sum(x => x.Seconds);
        var rest = totalN - parallelN;
        var ceiling = ceilings.Max(c => c.Median);
        sb.Append(Inv, $"\nThe chunk-parallel sessions phase ran {parallel1 / parallelN:F2}× faster on {n} threads ({parallel1 / parallelN / ceiling:P0} of the better kernel's {ceiling:F2}×). ");
        sb.Append(Inv, $"Everything else took {rest:F2} s of the {totalN:F2} s on {n} threads ({rest / totalN:P0}); were the sessions phase to reach {ceiling:F2}×, the whole would reach at most {total1 / (parallel1 / ceiling + rest):F2}×.\n");
        return sb.ToString();
    }

    private static string Machine() => Reporting.Output.MachineDescription.Current;
}
