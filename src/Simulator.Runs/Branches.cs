using System.Globalization;
using Simulator.Engine.Snapshots;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Model;

namespace Simulator.Runs;

/// <summary>What <c>run FILE --from SOURCE [--at-day D]</c> branches from: a parent scenario, or the checkpoints of a run of one.</summary>
/// <param name="Source">A scenario file (its world is simulated up to the branch), or a checkpoint folder (<c>&lt;out&gt;/.checkpoints/&lt;scenario&gt;</c>) or one of its snapshots.</param>
/// <param name="AtDay">The reported day whose start the run switches to its own configuration at (negative: a warm-up day); null for the end of the warm-up, or the checkpoints' own tick.</param>
public sealed record BranchRequest(string Source, int? AtDay);

/// <summary>
/// Plans a branch: the parent's world — simulated from its start, or restored from its checkpoint —
/// is run with the parent's configuration up to the branch tick, and each replication of the run
/// starts from it with its own scenario's (the same rules as a forked study arm, <see cref="ForkRules"/>).
/// </summary>
public static class Branches
{
    /// <summary>Why the branch cannot run, in one line; null when it can. Nothing is simulated.</summary>
    public static string? Refusal(Scenario what, RunOptions options, string build)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = Plan(what, options, build, null, CancellationToken.None);
            return null;
        }
        catch (SnapshotException e)
        {
            return e.Message;
        }
    }

    internal static ForkSource Plan(Scenario what, RunOptions options, string build, IRunProgress? progress, CancellationToken token)
    {
        var request = options.Branch ?? throw new ArgumentException("No branch requested.", nameof(options));
        var inv = CultureInfo.InvariantCulture;
        var planned = ScenarioRunner.Planned(what, options);
        var perDay = 86_400L / (long)what.Duration.Tick.TotalSeconds;
        Scenario parent;
        CheckpointPlan? from = null;
        Func<int, string>? snapshotFor = null;
        long? savedTick = null;
        if (request.Source.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || request.Source.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            parent = ScenarioRunner.Seeded(LoadParent(request.Source), options);
        }
        else
        {
            var dir = Directory.Exists(request.Source) ? request.Source : Path.GetDirectoryName(Path.GetFullPath(request.Source))!;
            var chosen = new (string Path, SnapshotHeader Header)[planned];
            for (var r = 0; r < planned; r++)
            {
                // The latest checkpoint, or with --at-day the latest kept one at or before the branch.
                var saved = Directory.GetFiles(dir, string.Create(inv, $"rep-{r}.*snapshot"))
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Select(f => (Path: f, Header: SnapshotFile.ReadHeader(f)))
                    .Where(s => request.AtDay is not { } d || s.Header.Tick <= d * perDay)
                    .OrderByDescending(s => s.Header.Tick)
                    .ToList();
                chosen[r] = saved.Count > 0
                    ? saved[0]
                    : throw new SnapshotException(request.AtDay is { } d
                        ? $"{dir}: no checkpoint of replication {r} at or before day {d} (run the parent with --checkpoint-every and --keep-checkpoints)"
                        : $"{dir}: no snapshot of replication {r} (the run branches {planned} replication(s))");
            }

            var headers = chosen.Select(c => c.Header).ToArray();
            var source = SnapshotSource.Of(headers[0], dir);
            if (Math.Abs(source.Scale - options.Scale) > 1e-12)
            {
                throw new SnapshotException(string.Create(inv, $"{dir}: the checkpoints were written at --scale {source.Scale}; run the branch with --scale {source.Scale}"));
            }

            if (headers.Any(h => h.Build != build))
            {
                throw new SnapshotException($"{dir}: the checkpoints were written by build {headers[0].Build}; this is {build} (a snapshot is read only by the build that wrote it)");
            }

            var document = ScenarioLoader.Parse(source.Path, source.Text);
            parent = source.Seed is { } seed ? document.Scenario with { Seed = seed } : document.Scenario;
            from = new CheckpointPlan { Directory = dir, ScenarioHash = document.DefinitionHash, Build = build };
            snapshotFor = r => chosen[r].Path;
            savedTick = headers.Max(h => h.Tick);
            if (request.AtDay is null && headers.Any(h => h.Tick != savedTick))
            {
                throw new SnapshotException($"{dir}: the replications were saved at different ticks; say where to branch with --at-day");
            }
        }

        var seeded = ScenarioRunner.Seeded(what, options);
        if (ForkRules.WhyNot(parent, seeded, needsWarmup: false) is { } reason)
        {
            throw new SnapshotException($"{request.Source}: cannot branch into {what.Name}: {reason}");
        }

        var tick = request.AtDay is { } day ? day * perDay : savedTick ?? 0;
        if (request.AtDay is null && tick >= what.Duration.Days * perDay)
        {
            throw new SnapshotException(string.Create(inv, $"{request.Source}: the checkpoints are at the end of the run (day {tick / perDay}); give --at-day D to branch from one kept at or before day D (--keep-checkpoints)"));
        }

        if (tick < -what.Duration.WarmupDays * perDay || tick >= what.Duration.Days * perDay)
        {
            throw new SnapshotException(string.Create(inv, $"--at-day {request.AtDay}: the run has warm-up days -{what.Duration.WarmupDays} … -1 and reported days 0 … {what.Duration.Days - 1}"));
        }

        if (savedTick > tick)
        {
            throw new SnapshotException(string.Create(inv, $"{request.Source}: the checkpoints are at day {savedTick / (double)perDay:F2}, after day {request.AtDay}; a branch cannot go back"));
        }

        if (ForkRules.ShapeDiffers(StudyForks.Shape(parent, options), StudyForks.Shape(seeded, options)) is { } shape)
        {
            throw new SnapshotException($"{request.Source}: cannot branch into {what.Name}: {shape}");
        }

        return new ForkSource(parent, options, planned, arms: 1, progress, token, tick, from, snapshotFor);
    }

    private static Scenario LoadParent(string path)
    {
        try
        {
            return ScenarioLoader.Load(path).Scenario;
        }
        catch (ScenarioValidationException e)
        {
            throw new SnapshotException(string.Join(Environment.NewLine, e.Errors.Select(x => x.ToString())));
        }
        catch (IOException e)
        {
            throw new SnapshotException($"{path}: {e.Message}");
        }
    }
}
