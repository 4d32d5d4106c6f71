using Simulator.Reporting.Results;
using Simulator.Scenarios.Model;

namespace Simulator.Runs;

/// <summary>One labelled scenario of a study: the baseline or a variant of a compare, a point of a sweep.</summary>
public sealed record Arm(string Label, Scenario Scenario);

/// <summary>
/// Runs a study's arms one after another, each with all its replications. Arms share the
/// replication seeds (common random numbers); an arm that does not complete (Ctrl+C) ends the study.
/// </summary>
public static class StudyRunner
{
    /// <param name="arms">The arms in the order their results are returned.</param>
    /// <param name="options">Run options shared by every arm.</param>
    /// <param name="progressFor">Progress sink for an arm (by label), or null for none.</param>
    /// <param name="cancellationToken">Stops the running arm at a tick boundary.</param>
    public static IReadOnlyList<RunResult> Run(IReadOnlyList<Arm> arms, RunOptions options, Func<Arm, IRunProgress?>? progressFor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var results = new List<RunResult>(arms.Count);
        foreach (var arm in arms)
        {
            var result = ScenarioRunner.Run(arm.Scenario, options, progressFor?.Invoke(arm), cancellationToken);
            results.Add(result);
            if (!result.Complete)
            {
                break;
            }
        }

        return results;
    }
}
