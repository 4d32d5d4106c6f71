using Simulator.Reporting.Results;
using Simulator.Scenarios.Model;

namespace Simulator.Runs;

/// <summary>One labelled scenario of a study: the baseline or a variant of a compare, a point of a sweep.</summary>
public sealed record Arm(string Label, Scenario Scenario)
{
    /// <summary>Arms of one group fork from the group's first arm (its baseline); null puts the arm in the study's one group.</summary>
    public string? Group { get; init; }
}

/// <summary>
/// Runs a study's arms. Arms share the replication seeds (common random numbers). Where every
/// arm may run in lanes, all their replications form one queue on the lanes (<see cref="LanePool"/>),
/// so no core waits for an arm's last replication; otherwise arms run one after another, each with
/// all its replications, and an arm that does not complete (Ctrl+C) ends the study.
/// </summary>
public static class StudyRunner
{
    /// <summary>How a forked arm started (<see cref="RunResult.Start"/>): from its baseline's world at the end of the warm-up.</summary>
    public const string ForkedStart = "forked from the baseline world at the end of its warm-up (one burn-in per replication)";

    /// <param name="arms">The arms in the order their results are returned.</param>
    /// <param name="options">Run options shared by every arm.</param>
    /// <param name="progressFor">Progress sink for an arm (by label), or null for none; asked for every arm before any runs when they share lanes.</param>
    /// <param name="cancellationToken">Stops the running replications at a tick boundary.</param>
    public static IReadOnlyList<RunResult> Run(IReadOnlyList<Arm> arms, RunOptions options, Func<Arm, IRunProgress?>? progressFor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(options);
        var scenarios = arms.Select(a => ScenarioRunner.Seeded(a.Scenario, options)).ToArray();
        var planned = scenarios.Select(s => ScenarioRunner.Planned(s, options)).ToArray();
        var progress = arms.Select(a => progressFor?.Invoke(a)).ToArray();
        var starts = StudyForks.Plan(scenarios, planned, options, progress, [.. arms.Select(a => a.Group)], cancellationToken);
        var lanes = scenarios.All(s => ScenarioRunner.MayRunInLanes(s, options)) ? ScenarioRunner.LanesFor(options, planned.Sum()) : 1;
        if (arms.Count > 1 && lanes > 1)
        {
            var runs = LanePool.Run(scenarios, planned, options, lanes, progress, [.. starts.Select(s => s.Fork)], [.. starts.Select(s => s.Description == ForkedStart)], cancellationToken);
            return [.. runs.Select((run, a) => ScenarioRunner.Result(scenarios[a], options, planned[a], run.Replications, run.WallSeconds, lanes) with { Start = starts[a].Description })];
        }

        var results = new List<RunResult>(arms.Count);
        for (var a = 0; a < arms.Count; a++)
        {
            var result = ScenarioRunner.Run(arms[a].Scenario, options with { Fork = starts[a].Fork }, progress[a], cancellationToken) with { Start = starts[a].Description };
            results.Add(result);
            if (!result.Complete)
            {
                break;
            }
        }

        return results;
    }
}
