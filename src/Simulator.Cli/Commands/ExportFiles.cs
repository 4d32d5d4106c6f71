namespace Simulator.Cli.Commands;

/// <summary>Files the export commands write: whole or not at all.</summary>
internal static class ExportFiles
{
    /// <summary>Writes through a temporary file beside <paramref name="path"/> and renames it into place; on failure nothing is left.</summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The run options an export shares with <c>run</c> (not --out, which names the export).</summary>
    public static void AddRunOptions(System.CommandLine.Command command, RunOptionSet set)
    {
        command.Options.Add(set.Seed);
        command.Options.Add(set.Replications);
        command.Options.Add(set.Threads);
        command.Options.Add(set.Scale);
        command.Options.Add(set.Quiet);
    }

    /// <summary>Whether the external model an arm names can serve; prints why not.</summary>
    public static bool ModelUsable(string model, string scenarioPath, TextWriter stderr)
    {
        try
        {
            Recommender.Ranking.Onnx.RankerModels.Verify(model);
            return true;
        }
        catch (Recommender.Ranking.Onnx.RankerModelException ex)
        {
            foreach (var problem in ex.Problems)
            {
                stderr.WriteLine($"error: {scenarioPath}: recommender.ranker.onnx '{model}': {problem}");
            }

            return false;
        }
    }

    /// <summary>The baseline or the named variant of a study, or null after printing which names exist.</summary>
    public static Scenarios.Model.Scenario? Arm(Scenarios.Loading.ScenarioDocument document, string? variant, TextWriter stderr)
    {
        if (variant is null or "baseline")
        {
            return document.Scenario;
        }

        foreach (var (name, scenario) in document.Variants)
        {
            if (name == variant)
            {
                return scenario;
            }
        }

        stderr.WriteLine($"error: {document.Path}: no variant '{variant}'; allowed: baseline{string.Concat(document.Variants.Select(v => ", " + v.Key))}.");
        return null;
    }
}
