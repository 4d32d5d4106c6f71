namespace Recommender.Plugins;

/// <summary>A plug-in that cannot be loaded, and why (with what was expected).</summary>
public sealed class PluginException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The plug-in assembly's path.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong.</summary>
    public string Problem { get; } = problem;
}
