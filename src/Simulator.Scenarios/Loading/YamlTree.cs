using YamlDotNet.RepresentationModel;

namespace Simulator.Scenarios.Loading;

/// <summary>Copies and edits scenario node trees while keeping every node's origin for error positions.</summary>
internal static class YamlTree
{
    // Copies mappings and sequences (scalars are shared: they are never mutated), keeping
    // the original nodes' marks so that errors still point at the file.
    public static YamlMappingNode DeepCopy(YamlMappingNode node, ScenarioBinder binder)
    {
        var copy = new YamlMappingNode();
        binder.Origins[copy] = node;
        foreach (var (k, v) in node.Children)
        {
            copy.Add(k, Copy(v, binder));
        }

        return copy;
    }

    /// <summary>
    /// Sets a dotted key path of option mappings (no list items) to <paramref name="value"/>,
    /// creating the mappings on the way. With <paramref name="overwrite"/> false a key the tree
    /// already has is kept (a scenario's own key wins over an inherited default). A path that
    /// meets a non-mapping on the way is left alone: binding reports what is wrong with it.
    /// </summary>
    public static void SetPath(YamlMappingNode root, string path, YamlNode value, bool overwrite, YamlNode origin, ScenarioBinder binder)
    {
        var segments = path.Split('.');
        var current = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var key = new YamlScalarNode(segments[i]);
            if (!current.Children.TryGetValue(key, out var next))
            {
                next = new YamlMappingNode();
                binder.Origins[next] = origin;
                current.Children[key] = next;
            }

            if (next is not YamlMappingNode map)
            {
                return;
            }

            current = map;
        }

        var leaf = new YamlScalarNode(segments[^1]);
        if (overwrite || !current.Children.ContainsKey(leaf))
        {
            binder.Origins[value] = origin;
            current.Children[leaf] = value;
        }
    }

    private static YamlNode Copy(YamlNode node, ScenarioBinder binder)
    {
        switch (node)
        {
            case YamlMappingNode m:
                return DeepCopy(m, binder);
            case YamlSequenceNode s:
            {
                var copy = new YamlSequenceNode { Style = s.Style };
                binder.Origins[copy] = s;
                foreach (var child in s.Children)
                {
                    copy.Add(Copy(child, binder));
                }

                return copy;
            }

            default:
                return node;
        }
    }
}
