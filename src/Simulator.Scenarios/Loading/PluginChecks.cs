using Recommender;
using Recommender.Plugins;
using Simulator.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Simulator.Scenarios.Loading;

/// <summary>
/// Plug-in feed policies (<c>policy: plugin</c>): the assembly resolved against the scenario
/// file's folder, loaded and its type checked before anything runs; errors at the key.
/// </summary>
internal static class PluginChecks
{
    public static Scenario Resolve(ScenarioBinder binder, string file, YamlMappingNode? overrides, YamlMappingNode root, Scenario scenario, string pathPrefix, Dictionary<string, string>? models)
    {
        if (scenario.Recommender.Policy != FeedPolicyKind.Plugin)
        {
            return scenario;
        }

        var plugin = scenario.Recommender.Plugin;
        YamlNode At(string key) => RankerChecks.Find(overrides, key) ?? RankerChecks.Find(root, key) ?? RankerChecks.Find(overrides, "recommender.policy") ?? RankerChecks.Find(root, "recommender.policy") ?? root;
        if (plugin.Assembly is null || plugin.Type is null)
        {
            binder.Error(At("recommender.policy"), pathPrefix + "recommender.plugin", "policy: plugin needs plugin: { assembly: PATH.dll, type: Namespace.Class } (see samples/).");
            return scenario;
        }

        var full = RankerChecks.Beside(file, plugin.Assembly);
        if (models is not null)
        {
            try
            {
                PluginLoader.Verify(full, plugin.Type);
                models[full] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(full)));
            }
            catch (PluginException ex)
            {
                binder.Error(At("recommender.plugin.assembly"), pathPrefix + "recommender.plugin.assembly", $"'{full}': {ex.Problem}");
                return scenario;
            }
        }

        return scenario with { Recommender = scenario.Recommender with { Plugin = plugin with { Assembly = full } } };
    }
}
