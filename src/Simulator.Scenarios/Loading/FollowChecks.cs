using System.Globalization;
using Simulator.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Simulator.Scenarios.Loading;

/// <summary>
/// The follow-count percentiles must be in order (follows_p10 ≤ follows_median ≤ follows_p90) and
/// a positive median needs a positive tenth percentile (a log-normal has no zero quantile).
/// </summary>
internal static class FollowChecks
{
    public static void Check(ScenarioBinder binder, YamlMappingNode root, Scenario scenario)
    {
        var c = scenario.Content;
        var node = Node(root, "content") as YamlMappingNode;
        if (c.FollowsP10 > c.FollowsMedian || (c.FollowsMedian > 0 && c.FollowsP10 <= 0))
        {
            binder.Error(At(node, root, "follows_p10"), "content.follows_p10", $"must be above 0 and at most content.follows_median ({Text(c.FollowsMedian)}); got {Text(c.FollowsP10)}.");
        }

        if (c.FollowsP90 < c.FollowsMedian)
        {
            binder.Error(At(node, root, "follows_p90"), "content.follows_p90", $"must be at least content.follows_median ({Text(c.FollowsMedian)}); got {Text(c.FollowsP90)}.");
        }
    }

    private static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlNode At(YamlMappingNode? content, YamlMappingNode root, string key) =>
        (content is null ? null : Node(content, key) ?? Node(content, "follows_median")) ?? (YamlNode?)content ?? root;

    private static string Text(double x) => x.ToString("0.######", CultureInfo.InvariantCulture);
}
