using System.Text.Json;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// A run's hidden working area, <c>&lt;out&gt;/.checkpoints/&lt;scenario&gt;/</c>: the latest snapshot of
/// each replication and <c>resume.json</c>, the command line that <c>simulator resume</c> runs again.
/// Removed once the run's results are written whole.
/// </summary>
internal static class CheckpointArea
{
    private const string ResumeFile = "resume.json";

    public static string For(string outputRoot, string scenarioName) => Path.Combine(outputRoot, ".checkpoints", scenarioName);

    /// <summary>The plan for a run of <paramref name="document"/>, after recording how to resume it.</summary>
    public static CheckpointPlan Prepare(string outputRoot, Scenarios.Loading.ScenarioDocument document, RunOptions options, int everyDays, IReadOnlyList<string> resumeArgs)
    {
        var directory = For(outputRoot, document.Scenario.Name);
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, ResumeFile + ".tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(resumeArgs));
        File.Move(temp, Path.Combine(directory, ResumeFile), overwrite: true);
        return new CheckpointPlan
        {
            Directory = directory,
            EveryDays = everyDays,
            ScenarioHash = document.DefinitionHash,
            Build = Build,
            Source = new SnapshotSource(Path.GetFullPath(document.Path), document.Text, options.Scale, options.Seed),
        };
    }

    /// <summary>The build a snapshot must come from: version and commit.</summary>
    public static string Build => BuildInfo.Version + "+" + (BuildInfo.BuiltFrom ?? "unknown");

    /// <summary>
    /// The command line recorded in <paramref name="path"/> (the working area, or the run's results
    /// folder next to it); null after printing why there is none.
    /// </summary>
    public static string[]? ReadResume(string path, TextWriter stderr)
    {
        var full = Path.GetFullPath(path);
        var candidates = new[] { full, Path.Combine(Path.GetDirectoryName(full) ?? full, ".checkpoints", Path.GetFileName(full)) };
        var directory = candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, ResumeFile)));
        if (directory is null)
        {
            stderr.WriteLine($"error: {path}: no interrupted run to resume here (looked for {ResumeFile} in {string.Join(" and ", candidates)}).");
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(directory, ResumeFile))) is { Length: > 1 } args
                ? args
                : throw new JsonException("empty");
        }
        catch (JsonException)
        {
            stderr.WriteLine($"error: {Path.Combine(directory, ResumeFile)}: not a resume record this build can read.");
            return null;
        }
    }

    /// <summary>Removes the working area of a run whose results were written whole.</summary>
    public static void Remove(CheckpointPlan plan)
    {
        if (Directory.Exists(plan.Directory))
        {
            Directory.Delete(plan.Directory, recursive: true);
        }

        var parent = Path.GetDirectoryName(plan.Directory);
        if (parent is not null && Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
        {
            Directory.Delete(parent);
        }
    }
}
