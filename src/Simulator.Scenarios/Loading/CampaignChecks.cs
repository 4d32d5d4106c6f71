using Simulator.Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace Simulator.Scenarios.Loading;

/// <summary>
/// Campaign rules that need the whole scenario: dates inside the run, a product category that
/// is one of the topics, unique names. Errors point at the offending key's line and column.
/// </summary>
internal static class CampaignChecks
{
    public static void Check(ScenarioBinder binder, YamlMappingNode root, Scenario scenario)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("campaigns"), out var node) || node is not YamlSequenceNode list)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Campaigns.Count && i < list.Children.Count; i++)
        {
            var c = scenario.Campaigns[i];
            var item = list.Children[i];
            var path = $"campaigns[{i}]";
            if (c.StartDay + c.Days > scenario.Duration.Days)
            {
                binder.Error(At(item, "start_day", "days"), $"{path}.start_day", $"the campaign runs days {c.StartDay}–{c.StartDay + c.Days - 1} but the run has days 0–{scenario.Duration.Days - 1}; start_day + days must be at most duration.days ({scenario.Duration.Days}).");
            }

            if (c.Product.Category >= scenario.Behaviour.Topics)
            {
                binder.Error(At(item, "product"), $"{path}.product.category", $"category {c.Product.Category} is not a topic; allowed 0–{scenario.Behaviour.Topics - 1} (behaviour.topics).");
            }

            if (!names.Add(c.Name))
            {
                binder.Error(At(item, "name"), $"{path}.name", $"duplicate campaign name '{c.Name}'; metric keys campaigns.<name>.* need unique names.");
            }
        }

        if (scenario.Campaigns.Count > 64)
        {
            binder.Error(list, "campaigns", "at most 64 campaigns per scenario.");
        }
    }

    private static YamlNode At(YamlNode item, params string[] keys)
    {
        if (item is YamlMappingNode map)
        {
            foreach (var key in keys)
            {
                if (map.Children.TryGetValue(new YamlScalarNode(key), out var value))
                {
                    if (key == "product" && value is YamlMappingNode product && product.Children.TryGetValue(new YamlScalarNode("category"), out var category))
                    {
                        return category;
                    }

                    return value;
                }
            }
        }

        return item;
    }
}
