using Simulator.Engine.Snapshots;
using Simulator.Reporting.Collection;
using Simulator.Scenarios.Model;
using Simulator.World.Simulation;

namespace Simulator.Runs;

/// <summary>How each arm of a study starts: from the baseline's burn-in (a fork) or with its own warm-up, and why.</summary>
internal static class StudyForks
{
    /// <summary>One arm's start: the fork it restores from (null: its own warm-up) and a line for the results.</summary>
    public sealed record Start(ForkSource? Fork, string Description);

    public const string Forked = "forked from the baseline world at the end of its warm-up (one burn-in per replication)";

    public const string Shared = "its own warm-up, once per replication, which the forked arms start from";

    public static Start[] Plan(IReadOnlyList<Scenario> scenarios, IReadOnlyList<int> planned, RunOptions options, IRunProgress? baselineProgress, CancellationToken token)
    {
        var own = new Start(null, "its own warm-up");
        if (scenarios.Count < 2 || !options.ForkArms || options.Fork is not null || options.Checkpoints is not null)
        {
            return [.. scenarios.Select(_ => own)];
        }

        var baseline = scenarios[0];
        var reasons = new string?[scenarios.Count];
        IReadOnlyList<StatePart>? baseShape = null;
        for (var a = 1; a < scenarios.Count; a++)
        {
            reasons[a] = planned[a] != planned[0] ? "it has another number of replications" : ForkRules.WhyNot(baseline, scenarios[a]);
            if (reasons[a] is null)
            {
                baseShape ??= Shape(baseline, options);
                reasons[a] = ForkRules.ShapeDiffers(baseShape, Shape(scenarios[a], options));
            }
        }

        var forking = 1 + reasons.Skip(1).Count(r => r is null);
        if (forking == 1)
        {
            return [.. reasons.Select((r, a) => a == 0 ? own : new Start(null, "its own warm-up: " + r))];
        }

        var source = new ForkSource(baseline, options, planned[0], forking, baselineProgress, token);
        return [.. reasons.Select((r, a) => a == 0 ? new Start(source, Shared) : r is null ? new Start(source, Forked) : new Start(null, "its own warm-up: " + r))];
    }

    // The state of replication 0 as built, before it runs: what a fork would restore into.
    internal static IReadOnlyList<StatePart> Shape(Scenario scenario, RunOptions options)
    {
        using var world = new SimulationWorld(ReplicationSettings.For(scenario, 0, 1, options.Scale));
        return SnapshotFile.MeasureState(new ReplicationState(world, new DailyCollector()));
    }
}
