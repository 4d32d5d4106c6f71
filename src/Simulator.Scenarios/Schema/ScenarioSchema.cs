using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Model;
using Simulator.World.Schema;

namespace Simulator.Scenarios.Schema;

/// <summary>
/// Writes the JSON Schema (draft 2020-12) of scenario files from the same option records the
/// loader binds, so editors complete and check exactly what the loader accepts.
/// </summary>
public static class ScenarioSchema
{
    /// <summary>The schema as indented JSON text.</summary>
    public static string ToJson() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The schema document.</summary>
    public static JsonObject Build()
    {
        var defs = new JsonObject();
        var root = RecordSchema(typeof(Scenario), new Scenario(), defs);
        var props = (JsonObject)root["properties"]!;
        props[ScenarioLoader.VariantsKey] = new JsonObject
        {
            ["description"] = "Named variants for `simulator compare`: each overrides keys of this scenario (not name, seed, replications, duration or guardrails) and is run on the same random numbers as the baseline.",
            ["type"] = "object",
            ["additionalProperties"] = new JsonObject { ["$ref"] = "#/$defs/Variant" },
        };
        props[SweepBinder.SweepKey] = new JsonObject
        {
            ["description"] = "A one-parameter grid for `simulator sweep`: the dotted key path to vary (lists indexed from 0, e.g. policies.0.daily_limit.minutes) and its values; 'none' removes the list item the path goes through (or the key, restoring its default). Every point runs on the same random numbers.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("parameter", "values"),
            ["properties"] = new JsonObject
            {
                ["parameter"] = new JsonObject { ["type"] = "string", ["description"] = "Dotted key path, e.g. recommender.diversity_weight." },
                ["values"] = new JsonObject { ["type"] = "array", ["minItems"] = 2, ["description"] = "Values of the parameter, one run per value; 'none' for no setting." },
            },
        };
        var variant = RecordSchema(typeof(Scenario), new Scenario(), defs);
        var variantProps = (JsonObject)variant["properties"]!;
        foreach (var fixedKey in new[] { "name", "seed", "replications", "duration", "guardrails" })
        {
            variantProps.Remove(fixedKey);
        }

        variant["description"] = "Keys a variant overrides.";
        defs["Variant"] = variant;
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://short-video-sim.local/scenario.schema.json",
            ["title"] = "Short-video recommender simulator scenario",
        };
        foreach (var (k, v) in root)
        {
            schema[k] = v?.DeepClone();
        }

        schema["$defs"] = defs;
        return schema;
    }

    private static JsonObject RecordSchema(Type type, object defaults, JsonObject defs)
    {
        var properties = new JsonObject();
        foreach (var (key, prop) in OptionProperties.Of(type))
        {
            properties[key] = PropertySchema(prop, prop.GetValue(defaults), defs);
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    private static JsonObject PropertySchema(PropertyInfo prop, object? defaultValue, JsonObject defs)
    {
        var type = Nullable.GetUnderlyingType(prop.PropertyType) ?? prop.PropertyType;
        var nullable = Nullable.GetUnderlyingType(prop.PropertyType) is not null;
        var s = TypeSchema(type, defaultValue, defs, prop);
        if (prop.GetCustomAttribute<DescriptionAttribute>() is { } d)
        {
            s["description"] = d.Description;
        }

        if (prop.GetCustomAttribute<RangeAttribute>() is { } r)
        {
            s["minimum"] = JsonValue.Create(Convert.ToDouble(r.Minimum, CultureInfo.InvariantCulture));
            s["maximum"] = JsonValue.Create(Convert.ToDouble(r.Maximum, CultureInfo.InvariantCulture));
        }

        if (prop.GetCustomAttribute<RegularExpressionAttribute>() is { } re)
        {
            s["pattern"] = re.Pattern;
        }

        if (nullable && s["type"] is JsonValue t)
        {
            s["type"] = new JsonArray(t.GetValue<string>(), "null");
        }

        if (DefaultJson(type, defaultValue) is { } def)
        {
            s["default"] = def;
        }

        return s;
    }

    private static JsonObject TypeSchema(Type type, object? defaultValue, JsonObject defs, PropertyInfo? prop)
    {
        if (type == typeof(string)) return new JsonObject { ["type"] = "string" };
        if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (type == typeof(int) || type == typeof(long)) return new JsonObject { ["type"] = "integer" };
        if (type == typeof(ulong)) return new JsonObject { ["type"] = "integer", ["minimum"] = 0 };
        if (type == typeof(double)) return new JsonObject { ["type"] = "number" };
        if (type == typeof(TimeSpan)) return new JsonObject { ["type"] = "string", ["pattern"] = "^[1-9][0-9]*[smh]$" };
        if (type.IsEnum)
        {
            var values = new JsonArray();
            foreach (var n in Enum.GetNames(type))
            {
                values.Add(KeyNames.ToSnake(n));
            }

            return new JsonObject { ["type"] = "string", ["enum"] = values };
        }

        if (type == typeof(Dictionary<string, double>))
        {
            var o = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 } };
            if (prop?.GetCustomAttribute<SharesAttribute>() is { AllowedKeys.Count: > 0 } shares)
            {
                var keys = new JsonArray();
                foreach (var k in shares.AllowedKeys)
                {
                    keys.Add(k);
                }

                o["propertyNames"] = new JsonObject { ["enum"] = keys };
            }

            return o;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var item = type.GetGenericArguments()[0];
            var itemDefault = item == typeof(string) ? "" : Activator.CreateInstance(item);
            return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(item, itemDefault, defs, null) };
        }

        // A nested option record: defined once under $defs.
        if (!defs.ContainsKey(type.Name))
        {
            defs[type.Name] = new JsonObject();
            defs[type.Name] = RecordSchema(type, Activator.CreateInstance(type)!, defs);
        }

        return new JsonObject { ["$ref"] = $"#/$defs/{type.Name}" };
    }

    private static JsonNode? DefaultJson(Type type, object? value)
    {
        return value switch
        {
            null => null,
            string s => JsonValue.Create(s),
            bool b => JsonValue.Create(b),
            int i => JsonValue.Create(i),
            long l => JsonValue.Create(l),
            ulong ul => JsonValue.Create(ul),
            double d => JsonValue.Create(d),
            TimeSpan t => JsonValue.Create(FormatDuration(t)),
            Enum e => JsonValue.Create(KeyNames.ToSnake(e.ToString())),
            Dictionary<string, double> dict => new JsonObject(dict.Select(kv => new KeyValuePair<string, JsonNode?>(kv.Key, JsonValue.Create(kv.Value)))),
            _ => null,
        };
    }

    internal static string FormatDuration(TimeSpan t) =>
        t.TotalSeconds % 3600 == 0 ? $"{(int)t.TotalHours}h" : t.TotalSeconds % 60 == 0 ? $"{(int)t.TotalMinutes}m" : $"{(int)t.TotalSeconds}s";
}
