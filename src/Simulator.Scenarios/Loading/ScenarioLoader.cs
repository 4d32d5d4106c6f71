using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Simulator.Scenarios.Calibration;
using Simulator.Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Simulator.Scenarios.Loading;

/// <summary>
/// Reads and validates scenario files. Every problem found is reported at once, each with file,
/// line, column and key path; nothing is returned unless the whole file is valid.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Root key holding the compare variants; not part of <see cref="Scenario"/>.</summary>
    public const string VariantsKey = "variants";

    // A variant must keep the baseline's dice and shape, or the paired comparison is meaningless.
    private static readonly string[] FixedInVariants = ["name", "seed", "replications", "duration", "guardrails", CalibrationKey, VariantsKey, SweepBinder.SweepKey];

    private const string CalibrationKey = "calibration";

    private static readonly HashSet<string> IgnoredAtRoot = [VariantsKey, SweepBinder.SweepKey];

    /// <summary>Loads a scenario file; throws <see cref="ScenarioValidationException"/> listing every error.</summary>
    public static ScenarioDocument Load(string path) => Load(path, verifyModels: true);

    /// <summary>
    /// Loads a scenario file; with <paramref name="verifyModels"/> false, external model files are
    /// resolved but not opened (the export commands, which may write the model a study names).
    /// </summary>
    public static ScenarioDocument Load(string path, bool verifyModels)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ScenarioValidationException([new ScenarioError(path, 1, 1, "", "file not found.")]);
        }

        var bytes = File.ReadAllBytes(path);
        return Parse(path, Encoding.UTF8.GetString(bytes), Convert.ToHexStringLower(SHA256.HashData(bytes)), null, verifyModels);
    }

    /// <summary>Parses scenario text; <paramref name="path"/> is used in messages and for the default name.</summary>
    public static ScenarioDocument Parse(string path, string text, string? hash = null) => Parse(path, text, hash, null, verifyModels: true);

    /// <summary>
    /// The document's scenario with <paramref name="values"/> set at their dotted keys over both the
    /// profile and the file's own keys: one evaluation point of <c>calibrate --fit</c>.
    /// </summary>
    public static Scenario WithValues(ScenarioDocument document, IReadOnlyList<KeyValuePair<string, double>> values)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(values);
        return Parse(document.Path, document.Text, document.Hash, values, verifyModels: true).Scenario;
    }

    private static ScenarioDocument Parse(string path, string text, string? hash, IReadOnlyList<KeyValuePair<string, double>>? forced, bool verifyModels)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        hash ??= Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var binder = new ScenarioBinder(path);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            throw new ScenarioValidationException([new ScenarioError(path, (int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column), "", $"YAML syntax: {message}")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            throw new ScenarioValidationException([new ScenarioError(path, (int)Math.Max(1, at?.Start.Line ?? 1), (int)Math.Max(1, at?.Start.Column ?? 1), "", "a scenario file must be a mapping of keys (name, seed, duration, population, ...).")]);
        }

        if (stream.Documents.Count > 1)
        {
            binder.Error(stream.Documents[1].RootNode, "", "one scenario per file: remove the second '---' document.");
        }

        var profile = ResolveProfile(binder, path, root);
        root = Inherit(binder, root, profile, forced);
        var scenario = binder.BindRecord(root, new Scenario(), IgnoredAtRoot);
        if (scenario.Name.Length == 0)
        {
            scenario = scenario with { Name = DefaultName(path) };
        }

        var models = new Dictionary<string, string>(StringComparer.Ordinal);
        if (binder.Errors.Count == 0)
        {
            CampaignChecks.Check(binder, root, scenario);
            FollowChecks.Check(binder, root, scenario);
            scenario = RankerChecks.Resolve(binder, path, null, root, scenario, "", verifyModels ? models : null);
            scenario = PluginChecks.Resolve(binder, path, null, root, scenario, "", verifyModels ? models : null);
        }

        var variants = new List<KeyValuePair<string, Scenario>>();
        if (root.Children.TryGetValue(new YamlScalarNode(VariantsKey), out var variantsNode))
        {
            BindVariants(binder, root, variantsNode, scenario, variants);
            for (var i = 0; i < variants.Count && variantsNode is YamlMappingNode byName; i++)
            {
                var (name, variant) = variants[i];
                var overrides = byName.Children.TryGetValue(new YamlScalarNode(name), out var body) ? body as YamlMappingNode : null;
                var resolved = RankerChecks.Resolve(binder, path, overrides, root, variant, $"{VariantsKey}.{name}.", verifyModels ? models : null);
                variants[i] = new(name, PluginChecks.Resolve(binder, path, overrides, root, resolved, $"{VariantsKey}.{name}.", verifyModels ? models : null));
            }
        }

        SweepPlan? sweep = null;
        if (binder.Errors.Count == 0 && root.Children.TryGetValue(new YamlScalarNode(SweepBinder.SweepKey), out var sweepNode))
        {
            sweep = SweepBinder.Bind(binder, root, sweepNode, scenario, IgnoredAtRoot);
        }

        if (binder.Errors.Count > 0)
        {
            throw new ScenarioValidationException(binder.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }

        return new ScenarioDocument { Path = path, Text = text, Hash = hash, Profile = profile, Scenario = scenario, Variants = variants, Sweep = sweep, Models = models };
    }

    // `calibration: default | none | <path relative to the scenario file>`; a broken profile's
    // errors are reported at the profile file's own lines.
    private static CalibrationProfile? ResolveProfile(ScenarioBinder binder, string path, YamlMappingNode root)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(CalibrationKey), out var node))
        {
            return ProfileLoader.Default;
        }

        var name = (node as YamlScalarNode)?.Value ?? "";
        switch (name)
        {
            case ProfileLoader.DefaultName:
                return ProfileLoader.Default;
            case ProfileLoader.NoneName:
                return null;
            case "":
                binder.Error(node, CalibrationKey, "expected `default`, `none` or the path of a calibration profile written by `simulator calibrate --fit`.");
                return null;
        }

        var file = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? "", name);
        if (!File.Exists(file))
        {
            binder.Error(node, CalibrationKey, $"calibration profile '{file}' not found; allowed: default, none, or a profile file's path relative to this scenario.");
            return null;
        }

        try
        {
            return ProfileLoader.Load(file);
        }
        catch (ScenarioValidationException ex)
        {
            binder.Errors.AddRange(ex.Errors);
            return null;
        }
    }

    private static YamlMappingNode Inherit(ScenarioBinder binder, YamlMappingNode root, CalibrationProfile? profile, IReadOnlyList<KeyValuePair<string, double>>? forced)
    {
        if (profile is null && forced is null)
        {
            return root;
        }

        var copy = YamlTree.DeepCopy(root, binder);
        foreach (var (key, value) in profile?.Values ?? [])
        {
            YamlTree.SetPath(copy, key, Scalar(value), overwrite: false, root, binder);
        }

        foreach (var (key, value) in forced ?? [])
        {
            YamlTree.SetPath(copy, key, Scalar(value), overwrite: true, root, binder);
        }

        return copy;
    }

    private static YamlScalarNode Scalar(double value) => new(value.ToString("R", CultureInfo.InvariantCulture));

    private static void BindVariants(ScenarioBinder binder, YamlMappingNode root, YamlNode variantsNode, Scenario baseline, List<KeyValuePair<string, Scenario>> variants)
    {
        if (variantsNode is not YamlMappingNode map)
        {
            binder.Error(variantsNode, VariantsKey, "expected a mapping of variant names to scenario overrides.");
            return;
        }

        foreach (var (nameNode, body) in map.Children)
        {
            var name = (nameNode as YamlScalarNode)?.Value ?? "";
            var path = $"{VariantsKey}.{name}";
            if (name.Length == 0 || name == "baseline" || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                binder.Error(nameNode, path, "a variant name must be letters, digits, '-' or '_', and not 'baseline'.");
                continue;
            }

            if (body is not YamlMappingNode overrides)
            {
                binder.Error(body, path, "expected a mapping of the keys this variant changes.");
                continue;
            }

            var ok = true;
            foreach (var key in overrides.Children.Keys.OfType<YamlScalarNode>())
            {
                if (FixedInVariants.Contains(key.Value))
                {
                    binder.Error(key, $"{path}.{key.Value}", $"'{key.Value}' cannot change in a variant: variants share the baseline's {string.Join(", ", FixedInVariants)} so that comparisons are paired.");
                    ok = false;
                }
            }

            if (!ok)
            {
                continue;
            }

            var merged = Merge(binder, root, overrides, typeof(Scenario));
            var before = binder.Errors.Count;
            var variant = binder.BindRecord(merged, new Scenario(), IgnoredAtRoot) with { Name = baseline.Name };
            if (binder.Errors.Count == before)
            {
                variants.Add(new(name, variant));
            }
        }
    }

    // Overlays a variant on the baseline mapping: nested option records merge key by key;
    // anything else (numbers, lists, share maps) is replaced whole.
    private static YamlMappingNode Merge(ScenarioBinder binder, YamlMappingNode baseline, YamlMappingNode overlay, Type type)
    {
        var result = new YamlMappingNode();
        binder.Origins[result] = overlay;
        var props = OptionProperties.Of(type);
        foreach (var (k, v) in baseline.Children)
        {
            if (k is YamlScalarNode { Value: VariantsKey or SweepBinder.SweepKey })
            {
                continue;
            }

            result.Add(k, v);
        }

        foreach (var (k, v) in overlay.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (result.Children.TryGetValue(k, out var existing)
                && existing is YamlMappingNode existingMap && v is YamlMappingNode overlayMap
                && props.TryGetValue(key, out var prop) && IsOptionRecord(prop.PropertyType))
            {
                result.Children[k] = Merge(binder, existingMap, overlayMap, prop.PropertyType);
            }
            else
            {
                result.Children[k] = v;
            }
        }

        return result;
    }

    private static bool IsOptionRecord(Type t) => t.IsClass && t != typeof(string) && !t.IsGenericType;

    private static string DefaultName(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var cleaned = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return cleaned.Length == 0 ? "scenario" : cleaned;
    }
}
