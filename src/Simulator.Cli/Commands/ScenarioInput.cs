using Simulator.Scenarios.Loading;

namespace Simulator.Cli.Commands;

/// <summary>Loads scenario files and prints their errors in one place for every command.</summary>
internal static class ScenarioInput
{
    /// <summary>Loads a file, or prints every error to <paramref name="err"/> and returns null.</summary>
    public static ScenarioDocument? TryLoad(string path, TextWriter err, bool verifyModels = true)
    {
        try
        {
            return ScenarioLoader.Load(path, verifyModels);
        }
        catch (ScenarioValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                err.WriteLine(e.ToString());
            }

            return null;
        }
    }

    /// <summary>
    /// Whether the run fits this machine (no array overflows, enough memory); otherwise prints the
    /// estimate that refuses it, before anything runs.
    /// </summary>
    public static bool Fits(ScenarioDocument document, Runs.RunOptions options, TextWriter err)
    {
        var refusal = Runs.RunCapacity.Refusal(document.Scenario, options, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        if (refusal is not null)
        {
            err.WriteLine($"error: {document.Path}: {refusal}");
        }

        return refusal is null;
    }
}
