using System.ComponentModel;

namespace Recommender;

/// <summary>A plug-in feed policy: which assembly and type (<c>policy: plugin</c>).</summary>
[ImmutableObject(true)]
public sealed record PluginOptions
{
    /// <summary>Path of the plug-in's .dll, relative to the scenario file.</summary>
    [Description("Path of the plug-in's .dll (a project implementing Recommender.Plugins.IFeedPlugin, see samples/), relative to the scenario file. Loaded into a load context of its own; the contract assembly is the simulator's.")]
    public string? Assembly { get; init; }

    /// <summary>Full name of the type implementing IFeedPlugin.</summary>
    [Description("Full name (namespace and class) of the type implementing Recommender.Plugins.IFeedPlugin, with a public parameterless constructor.")]
    public string? Type { get; init; }
}
