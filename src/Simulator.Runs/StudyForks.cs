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

    public const string Forked = StudyRunner.ForkedStart;

    public const string Shared = "its own warm-up, once per replication, which the forked arms start from";

    /// <summary>
    /// Each arm's start. Arms are grouped by <paramref name="groups"/> (null: one group); the first
    /// arm of a group is its baseline, and the group's other arms fork from its burn-in where
    /// <see cref="ForkRules"/> allow.
    /// </summary>
    public static Start[] Plan(IReadOnlyList<Scenario> scenarios, IReadOnlyList<int> planned, RunOptions options, IReadOnlyList<IRunProgress?> progress, IReadOnlyList<string?> groups, CancellationToken token)
    {
        var starts = new Start[scenarios.Count];
        Array.Fill(starts, new Start(null, "its own warm-up"));
        if (!options.ForkArms || options.Fork is not null || options.Checkpoints is not null)
        {
            return starts;
        }

        foreach (var members in Enumerable.Range(0, scenarios.Count).GroupBy(a => groups[a] ?? "").Select(g => g.ToList()))
        {
            PlanGroup(members, scenarios, planned, options, progress, starts, token);
        }

        return starts;
    }

    private static void PlanGroup(List<int> members, IReadOnlyList<Scenario> scenarios, IReadOnlyList<int> planned, RunOptions options, IReadOnlyList<IRunProgress?> progress, Start[] starts, CancellationToken token)
    {
        if (members.Count < 2)
        {
            return;
        }

        var b = members[0];
        var baseline = scenarios[b];
        var reasons = new Dictionary<int, string?>();
        IReadOnlyList<StatePart>? baseShape = null;
        foreach (var a in members.Skip(1))
        {
            var reason = planned[a] != planned[b] ? "it has another number of replications" : ForkRules.WhyNot(baseline, scenarios[a]);
            if (reason is null)
            {
                baseShape ??= Shape(baseline, options);
                reason = ForkRules.ShapeDiffers(baseShape, Shape(scenarios[a], options));
            }

            reasons[a] = reason;
        }

        var forking = 1 + reasons.Values.Count(r => r is null);
        if (forking == 1)
        {
            foreach (var (a, r) in reasons)
            {
                starts[a] = new Start(null, "its own warm-up: " + r);
            }

            return;
        }

        var source = new ForkSource(baseline, options, planned[b], forking, progress[b], token);
        starts[b] = new Start(source, Shared);
        foreach (var (a, r) in reasons)
        {
            starts[a] = r is null ? new Start(source, Forked) : new Start(null, "its own warm-up: " + r);
        }
    }

    // The state of replication 0 as built, before it runs: what a fork would restore into.
    internal static IReadOnlyList<StatePart> Shape(Scenario scenario, RunOptions options)
    {
        using var world = new SimulationWorld(ReplicationSettings.For(scenario, 0, 1, options.Scale));
        return SnapshotFile.MeasureState(new ReplicationState(world, new DailyCollector()));
    }
}
