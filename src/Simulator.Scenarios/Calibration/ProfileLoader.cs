using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Simulator.Scenarios.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Simulator.Scenarios.Calibration;

/// <summary>
/// Reads calibration profiles: <c>parameter_set</c>, <c>fitted</c> (provenance) and <c>values</c>
/// (one entry per fitted key: <c>{ value, box, constrained_by }</c> or a bare number). Every
/// problem is reported at once with file, line, column and key; a profile for another parameter
/// set, an unknown key or a value outside its box is refused.
/// </summary>
public static class ProfileLoader
{
    /// <summary>The name a scenario uses for the profile built into the binary.</summary>
    public const string DefaultName = "default";

    /// <summary>The name a scenario uses for the code's own uncalibrated defaults.</summary>
    public const string NoneName = "none";

    private const string ResourceName = "calibration.default.yaml";

    /// <summary>The committed <c>scenarios/calibration/default.yaml</c>, compiled into this assembly.</summary>
    public static CalibrationProfile Default { get; } = LoadDefault();

    /// <summary>The default profile's text.</summary>
    public static string DefaultText { get; } = ReadResource();

    /// <summary>Loads a profile file; throws <see cref="ScenarioValidationException"/> listing every error.</summary>
    public static CalibrationProfile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ScenarioValidationException([new ScenarioError(path, 1, 1, "", "calibration profile not found.")]);
        }

        return Parse(path, File.ReadAllText(path, Encoding.UTF8));
    }

    /// <summary>Parses profile text; <paramref name="source"/> names it in messages.</summary>
    public static CalibrationProfile Parse(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<ScenarioError>();
        void Error(YamlNode node, string key, string message) =>
            errors.Add(new ScenarioError(source, (int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column), key, message));

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ScenarioValidationException([new ScenarioError(source, (int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column), "", $"YAML syntax: {ex.InnerException?.Message ?? ex.Message}")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScenarioValidationException([new ScenarioError(source, 1, 1, "", "a calibration profile must be a mapping with parameter_set, fitted and values.")]);
        }

        string? set = null;
        var values = new List<KeyValuePair<string, double>>();
        var provenance = new List<KeyValuePair<string, string>>();
        foreach (var (k, v) in root.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "parameter_set":
                    set = (v as YamlScalarNode)?.Value;
                    if (set != FitParameterSet.Name)
                    {
                        Error(v, key, $"this profile was fitted for parameter set '{set}', but this build fits '{FitParameterSet.Name}' ({string.Join(", ", FitParameterSet.Parameters.Select(p => p.Path))}); refit with `simulator calibrate --fit`.");
                    }

                    break;
                case "fitted" when v is YamlMappingNode fitted:
                    foreach (var (fk, fv) in fitted.Children)
                    {
                        provenance.Add(new((fk as YamlScalarNode)?.Value ?? "", (fv as YamlScalarNode)?.Value ?? fv.ToString()));
                    }

                    break;
                case "values" when v is YamlMappingNode map:
                    ReadValues(map, values, Error);
                    break;
                case "fitted" or "values":
                    Error(v, key, "expected a mapping.");
                    break;
                default:
                    var hint = NearestName.Suggest(key, ["parameter_set", "fitted", "values"]);
                    Error(k, key, $"unknown key '{key}'{(hint is null ? "" : $"; did you mean '{hint}'?")} Allowed here: parameter_set, fitted, values.");
                    break;
            }
        }

        if (set is null)
        {
            Error(root, "parameter_set", $"required: the parameter set the values were fitted for ('{FitParameterSet.Name}').");
        }

        if (errors.Count > 0)
        {
            throw new ScenarioValidationException([.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        var ordered = FitParameterSet.Parameters.SelectMany(p => values.Where(x => x.Key == p.Path)).ToList();
        return new CalibrationProfile
        {
            Source = source,
            Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
            ParameterSet = set!,
            Values = ordered,
            Provenance = provenance,
        };
    }

    private static void ReadValues(YamlMappingNode map, List<KeyValuePair<string, double>> values, Action<YamlNode, string, string> error)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var (k, v) in map.Children)
        {
            var path = (k as YamlScalarNode)?.Value ?? "";
            var key = $"values.{path}";
            var parameter = FitParameterSet.Find(path);
            if (parameter is null)
            {
                var hint = NearestName.Suggest(path, FitParameterSet.Parameters.Select(p => p.Path));
                error(k, key, $"'{path}' is not a fitted parameter of set '{FitParameterSet.Name}'{(hint is null ? "" : $"; did you mean '{hint}'?")} Allowed: {string.Join(", ", FitParameterSet.Parameters.Select(p => p.Path))}.");
                continue;
            }

            var valueNode = v is YamlMappingNode entry && entry.Children.TryGetValue(new YamlScalarNode("value"), out var inner) ? inner : v;
            if (v is YamlMappingNode body)
            {
                CheckEntry(body, parameter, key, error);
            }

            if (valueNode is not YamlScalarNode { Value: { } s } || !double.TryParse(s, NumberStyles.Float, inv, out var value) || !double.IsFinite(value))
            {
                error(valueNode, $"{key}.value", "expected a number.");
                continue;
            }

            if (!parameter.Contains(value))
            {
                error(valueNode, $"{key}.value", $"{value.ToString(inv)} is outside the fitted box [{parameter.Low.ToString(inv)}, {parameter.High.ToString(inv)}].");
                continue;
            }

            values.Add(new(path, value));
        }
    }

    private static void CheckEntry(YamlMappingNode body, FitParameter parameter, string key, Action<YamlNode, string, string> error)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var (ek, ev) in body.Children)
        {
            var name = (ek as YamlScalarNode)?.Value ?? "";
            if (name is "value" or "constrained_by")
            {
                continue;
            }

            if (name != "box")
            {
                error(ek, $"{key}.{name}", $"unknown key '{name}'. Allowed here: value, box, constrained_by.");
                continue;
            }

            var box = (ev as YamlSequenceNode)?.Children.OfType<YamlScalarNode>()
                .Select(x => double.TryParse(x.Value, NumberStyles.Float, inv, out var d) ? d : double.NaN).ToArray();
            if (box is not { Length: 2 } || box[0] != parameter.Low || box[1] != parameter.High)
            {
                error(ev, $"{key}.box", $"this value was fitted in another box; parameter set '{FitParameterSet.Name}' searches [{parameter.Low.ToString(inv)}, {parameter.High.ToString(inv)}]. Refit with `simulator calibrate --fit`.");
            }
        }
    }

    private static string ReadResource()
    {
        using var stream = typeof(ProfileLoader).GetTypeInfo().Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static CalibrationProfile LoadDefault() => Parse(DefaultName, ReadResource()) with { Source = DefaultName };
}
