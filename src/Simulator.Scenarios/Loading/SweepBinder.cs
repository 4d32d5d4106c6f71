using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Simulator.Scenarios.Loading;

/// <summary>
/// Binds <c>sweep: { parameter: a.b.c, values: [...] }</c>. Each value is written into a copy
/// of the scenario mapping at the parameter's path (missing option mappings are created, list
/// items are addressed by index) and the copy is bound like the scenario itself, so a value out
/// of range is reported at its own line and column. The value <c>none</c> removes the list item
/// the path goes through (e.g. the daily-limit policy itself), or the key when the path has no
/// list, which restores the default.
/// </summary>
internal static class SweepBinder
{
    public const string SweepKey = "sweep";
    private const string NoneValue = "none";

    public static SweepPlan? Bind(ScenarioBinder binder, YamlMappingNode root, YamlNode sweepNode, Model.Scenario baseline, IReadOnlySet<string> ignored)
    {
        if (sweepNode is not YamlMappingNode map)
        {
            binder.Error(sweepNode, SweepKey, "expected a mapping: { parameter: <dotted key path>, values: [v1, v2, ...] }.");
            return null;
        }

        var ok = true;
        foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
        {
            if (key.Value is not ("parameter" or "values"))
            {
                binder.Error(key, $"{SweepKey}.{key.Value}", "unknown key; allowed: parameter, values.");
                ok = false;
            }
        }

        var parameterNode = map.Children.TryGetValue(new YamlScalarNode("parameter"), out var p) ? p as YamlScalarNode : null;
        var valuesNode = map.Children.TryGetValue(new YamlScalarNode("values"), out var v) ? v as YamlSequenceNode : null;
        if (parameterNode is null || string.IsNullOrWhiteSpace(parameterNode.Value))
        {
            binder.Error(map, $"{SweepKey}.parameter", "required: the dotted key path to vary, e.g. recommender.diversity_weight or policies.0.daily_limit.minutes.");
            ok = false;
        }

        if (valuesNode is null || valuesNode.Children.Count < 2)
        {
            binder.Error(valuesNode ?? (YamlNode)map, $"{SweepKey}.values", "required: a list of at least two values.");
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        var segments = parameterNode!.Value!.Split('.');
        if (segments[0] is "name" or "seed" or "replications" or "duration" or "guardrails" or "calibration" or "variants" or SweepKey)
        {
            binder.Error(parameterNode, $"{SweepKey}.parameter", $"'{segments[0]}' cannot be swept: grid points share the baseline's name, seed, replications, duration, guardrails and calibration profile so that they are paired.");
            return null;
        }

        var points = new List<KeyValuePair<string, Model.Scenario>>();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var valueNode in valuesNode!.Children)
        {
            var label = valueNode is YamlScalarNode s ? s.Value ?? "" : valueNode.ToString();
            if (!labels.Add(label))
            {
                binder.Error(valueNode, $"{SweepKey}.values", $"duplicate value '{label}'.");
                continue;
            }

            var copy = YamlTree.DeepCopy(root, binder);
            copy.Children.Remove(new YamlScalarNode(SweepKey));
            copy.Children.Remove(new YamlScalarNode(ScenarioLoader.VariantsKey));
            var before = binder.Errors.Count;
            if (!Assign(binder, copy, segments, valueNode, parameterNode))
            {
                return null;
            }

            var scenario = binder.BindRecord(copy, new Model.Scenario(), ignored) with { Name = baseline.Name };
            if (binder.Errors.Count == before)
            {
                points.Add(new(label, scenario));
            }
        }

        return new SweepPlan { Parameter = parameterNode.Value, Points = points };
    }

    private static bool Assign(ScenarioBinder binder, YamlMappingNode root, string[] segments, YamlNode value, YamlScalarNode parameterNode)
    {
        var remove = value is YamlScalarNode { Value: NoneValue };
        YamlNode current = root;
        YamlSequenceNode? lastList = null;
        var lastListIndex = -1;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            switch (current)
            {
                case YamlMappingNode mapping:
                {
                    var key = new YamlScalarNode(segment);
                    if (last)
                    {
                        if (remove && lastList is null)
                        {
                            mapping.Children.Remove(key);
                        }
                        else if (remove)
                        {
                            lastList!.Children.RemoveAt(lastListIndex);
                        }
                        else
                        {
                            mapping.Children[key] = value;
                        }

                        return true;
                    }

                    if (!mapping.Children.TryGetValue(key, out var next))
                    {
                        if (int.TryParse(segments[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                        {
                            binder.Error(parameterNode, $"{SweepKey}.parameter", $"'{string.Join('.', segments.Take(i + 2))}' does not address a list item in the scenario (lists are indexed from 0 and the item must be in the file).");
                            return false;
                        }

                        next = new YamlMappingNode();
                        binder.Origins[next] = parameterNode;
                        mapping.Children[key] = next;
                    }

                    current = next;
                    break;
                }

                case YamlSequenceNode list when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Children.Count:
                    if (last)
                    {
                        if (remove)
                        {
                            list.Children.RemoveAt(index);
                        }
                        else
                        {
                            list.Children[index] = value;
                        }

                        return true;
                    }

                    lastList = list;
                    lastListIndex = index;
                    current = list.Children[index];
                    break;

                default:
                    binder.Error(parameterNode, $"{SweepKey}.parameter", $"'{string.Join('.', segments.Take(i + 1))}' does not address a key of the scenario (lists are indexed from 0, e.g. policies.0.daily_limit.minutes).");
                    return false;
            }
        }

        return true;
    }
}
