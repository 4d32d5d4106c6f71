using Recommender;
using Recommender.Ranking.Onnx;
using Simulator.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Simulator.Scenarios.Loading;

/// <summary>
/// External ranker files (<c>recommender.ranker.onnx</c>): resolved against the scenario file's
/// folder, loaded and checked against the feature contract before anything runs; a bad model is an
/// error at the key's line and column. Collects each model's SHA-256 for the manifest (no check
/// when <c>models</c> is null: the path is only resolved).
/// </summary>
internal static class RankerChecks
{
    public const string Key = "recommender.ranker.onnx";

    public static Scenario Resolve(ScenarioBinder binder, string file, YamlMappingNode? overrides, YamlMappingNode root, Scenario scenario, string pathPrefix, Dictionary<string, string>? models)
    {
        if (scenario.Recommender.Ranker.Onnx is not { } given)
        {
            return scenario;
        }

        var node = Find(overrides, Key) ?? Find(root, Key) ?? root;
        var key = pathPrefix + Key;
        var full = Beside(file, given);
        if (scenario.Recommender.Policy != FeedPolicyKind.Ranked)
        {
            binder.Error(node, key, $"an external ranker serves the ranked feed only; recommender.policy is '{scenario.Recommender.Policy.ToString().ToLowerInvariant()}' (allowed with ranker.onnx: ranked).");
            return scenario;
        }

        var resolved = scenario with { Recommender = scenario.Recommender with { Ranker = scenario.Recommender.Ranker with { Onnx = full } } };
        if (models is null)
        {
            return resolved;
        }

        try
        {
            models[full] = RankerModels.Verify(full);
        }
        catch (RankerModelException ex)
        {
            foreach (var problem in ex.Problems)
            {
                binder.Error(node, key, $"'{full}': {problem}");
            }

            return scenario;
        }

        return resolved;
    }

    /// <summary>A path named in a scenario file, resolved against that file's folder.</summary>
    internal static string Beside(string file, string given) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? "", given));

    /// <summary>The node at a dotted key under <paramref name="map"/>, or null.</summary>
    internal static YamlNode? Find(YamlMappingNode? map, string key)
    {
        YamlNode? node = map;
        foreach (var part in key.Split('.'))
        {
            if (node is not YamlMappingNode m || !m.Children.TryGetValue(new YamlScalarNode(part), out node))
            {
                return null;
            }
        }

        return node;
    }
}
