using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Simulator.World.Schema;
using YamlDotNet.RepresentationModel;

namespace Simulator.Scenarios.Loading;

/// <summary>
/// Binds a YAML node tree onto immutable option records by reflection, starting from their
/// defaults, and collects every error with its line, column and key path. The records are the
/// single source of truth: keys, types, defaults, ranges and descriptions all come from them, so
/// the binder and the JSON Schema cannot drift apart.
/// </summary>
internal sealed class ScenarioBinder(string file)
{
    public List<ScenarioError> Errors { get; } = [];

    /// <summary>Where a node built by merging (which has no position of its own) came from.</summary>
    public Dictionary<YamlNode, YamlNode> Origins { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Binds <paramref name="node"/> over a copy of <paramref name="current"/>; keys in <paramref name="ignoredKeys"/> are skipped.</summary>
    public T BindRecord<T>(YamlMappingNode node, T current, IReadOnlySet<string>? ignoredKeys = null)
        where T : class =>
        (T)BindRecord(node, typeof(T), current, "", ignoredKeys);

    public void Error(YamlNode node, string path, string message)
    {
        // A node built by copying or merging has no position of its own (YamlDotNet gives it 1:1).
        while (Origins.TryGetValue(node, out var origin) && !ReferenceEquals(origin, node))
        {
            node = origin;
        }

        var error = new ScenarioError(file, (int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column), path, message);
        if (!Errors.Contains(error))
        {
            Errors.Add(error);
        }
    }

    private object BindRecord(YamlMappingNode node, Type type, object current, string path, IReadOnlySet<string>? ignoredKeys = null)
    {
        var copy = Clone(current);
        var props = OptionProperties.Of(type);
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, path, "keys must be plain names.");
                continue;
            }

            var keyPath = Join(path, key);
            if (ignoredKeys?.Contains(key) == true)
            {
                continue;
            }

            if (!props.TryGetValue(key, out var prop))
            {
                var hint = NearestName.Suggest(key, props.Keys);
                Error(keyNode, keyPath, $"unknown key '{key}'{(hint is null ? "" : $"; did you mean '{hint}'?")} Allowed here: {string.Join(", ", props.Keys)}.");
                continue;
            }

            seen[prop.Name] = valueNode;
            var before = Errors.Count;
            var value = BindValue(valueNode, prop.PropertyType, prop.GetValue(copy), keyPath, prop);
            if (Errors.Count == before)
            {
                CheckAttributes(prop, value, valueNode, keyPath);
                prop.SetValue(copy, value);
            }
            else
            {
                failed.Add(prop.Name);
            }
        }

        if (copy is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(copy)))
            {
                // A rule about a key that already failed to bind (or about the whole record,
                // when any key failed) would only repeat that error in other words.
                var member = result.MemberNames.FirstOrDefault();
                if (member is null ? failed.Count > 0 : failed.Contains(member))
                {
                    continue;
                }

                var at = member is not null && seen.TryGetValue(member, out var n) ? n : node;
                var keyPath = member is null ? path : Join(path, KeyNames.ToSnake(member));
                Error(at, keyPath, result.ErrorMessage ?? "invalid value.");
            }
        }

        return copy;
    }

    private object? BindValue(YamlNode node, Type type, object? current, string path, PropertyInfo? prop)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            if (node is YamlScalarNode s && IsNull(s))
            {
                return null;
            }

            type = underlying;
        }

        if (type == typeof(string))
        {
            return Scalar(node, path, "a string") is { } text ? text : null;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(ulong) || type == typeof(double) || type == typeof(bool))
        {
            return ParseNumberOrBool(node, type, path);
        }

        if (type == typeof(TimeSpan))
        {
            return ParseDuration(node, path);
        }

        if (type.IsEnum)
        {
            return ParseEnum(node, type, path);
        }

        if (type == typeof(Dictionary<string, double>))
        {
            return BindShares(node, path, prop);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return BindList(node, type, path);
        }

        if (type.IsClass)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(node, path, $"expected a mapping of keys ({string.Join(", ", OptionProperties.Of(type).Keys)}).");
                return current;
            }

            return BindRecord(mapping, type, current ?? Activator.CreateInstance(type)!, path);
        }

        Error(node, path, $"unsupported option type {type.Name}.");
        return current;
    }

    private Dictionary<string, double>? BindShares(YamlNode node, string path, PropertyInfo? prop)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path, "expected a mapping of names to numbers.");
            return null;
        }

        var shares = prop?.GetCustomAttribute<SharesAttribute>();
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        var before = Errors.Count;
        foreach (var (k, v) in mapping.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            var keyPath = Join(path, key);
            if (shares is { AllowedKeys.Count: > 0 } && !shares.AllowedKeys.Contains(key))
            {
                var hint = NearestName.Suggest(key, shares.AllowedKeys);
                Error(k, keyPath, $"unknown key '{key}'{(hint is null ? "" : $"; did you mean '{hint}'?")} Allowed: {string.Join(", ", shares.AllowedKeys)}.");
                continue;
            }

            if (ParseNumberOrBool(v, typeof(double), keyPath) is double d)
            {
                if (shares is not null && (d < 0 || d > 1))
                {
                    Error(v, keyPath, $"a share must be between 0 and 1; got {d.ToString(CultureInfo.InvariantCulture)}.");
                }

                result[key] = d;
            }
        }

        // A sum over a map with unknown or malformed entries would only repeat those errors.
        if (shares is not null && result.Count > 0 && Errors.Count == before)
        {
            var sum = result.Values.Sum();
            if (Math.Abs(sum - 1.0) > shares.Tolerance)
            {
                Error(node, path, $"shares must sum to 1; these sum to {sum.ToString("0.######", CultureInfo.InvariantCulture)}.");
            }
        }

        return result;
    }

    private object? BindList(YamlNode node, Type listType, string path)
    {
        if (node is not YamlSequenceNode seq)
        {
            Error(node, path, "expected a list (items starting with '- ').");
            return null;
        }

        var itemType = listType.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(listType)!;
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var item = BindValue(seq.Children[i], itemType, itemType.IsClass && itemType != typeof(string) ? Activator.CreateInstance(itemType) : null, itemPath, null);
            if (item is not null)
            {
                list.Add(item);
            }
        }

        return list;
    }

    private void CheckAttributes(PropertyInfo prop, object? value, YamlNode node, string path)
    {
        if (value is null)
        {
            return;
        }

        if (prop.GetCustomAttribute<RangeAttribute>() is { } range && !range.IsValid(value))
        {
            Error(node, path, $"must be between {Format(range.Minimum)} and {Format(range.Maximum)}; got {Format(value)}.");
        }

        if (prop.GetCustomAttribute<RegularExpressionAttribute>() is { } regex && !regex.IsValid(value))
        {
            Error(node, path, $"must match {regex.Pattern}; got '{value}'.");
        }
    }

    private string? Scalar(YamlNode node, string path, string expected)
    {
        if (node is YamlScalarNode s)
        {
            return s.Value ?? "";
        }

        Error(node, path, $"expected {expected}, got a {(node is YamlMappingNode ? "mapping" : "list")}.");
        return null;
    }

    private object? ParseNumberOrBool(YamlNode node, Type type, string path)
    {
        var kind = type == typeof(bool) ? "true or false" : type == typeof(double) ? "a number" : "a whole number";
        if (Scalar(node, path, kind) is not { } text)
        {
            return null;
        }

        var ok = false;
        object? value = null;
        var inv = CultureInfo.InvariantCulture;
        text = text.Replace("_", "", StringComparison.Ordinal);
        if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, inv, out var i)) (ok, value) = (true, i);
        else if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, inv, out var l)) (ok, value) = (true, l);
        else if (type == typeof(ulong) && ulong.TryParse(text, NumberStyles.Integer, inv, out var ul)) (ok, value) = (true, ul);
        else if (type == typeof(double) && double.TryParse(text, NumberStyles.Float, inv, out var d) && double.IsFinite(d)) (ok, value) = (true, d);
        else if (type == typeof(bool) && bool.TryParse(text, out var b)) (ok, value) = (true, b);

        if (!ok)
        {
            Error(node, path, $"expected {kind}, got '{text}'.");
        }

        return value;
    }

    private TimeSpan? ParseDuration(YamlNode node, string path)
    {
        if (Scalar(node, path, "a duration") is not { } text)
        {
            return null;
        }

        var t = text.Trim();
        if (t.Length >= 2 && int.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (t[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                default: break;
            }
        }

        Error(node, path, $"expected a duration such as 30s, 1m or 1h; got '{text}'.");
        return null;
    }

    private object? ParseEnum(YamlNode node, Type type, string path)
    {
        if (Scalar(node, path, "a name") is not { } text)
        {
            return null;
        }

        var names = Enum.GetNames(type).Select(KeyNames.ToSnake).ToArray();
        var index = Array.IndexOf(names, text);
        if (index >= 0)
        {
            return Enum.GetValues(type).GetValue(index);
        }

        var hint = NearestName.Suggest(text, names);
        Error(node, path, $"unknown value '{text}'{(hint is null ? "" : $"; did you mean '{hint}'?")} Allowed: {string.Join(", ", names)}.");
        return null;
    }

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && (s.Value is null or "" or "~" or "null" or "Null" or "NULL");

    private static object Clone(object record)
    {
        var clone = record.GetType().GetMethod("<Clone>$") ?? throw new InvalidOperationException($"{record.GetType().Name} is not a record.");
        return clone.Invoke(record, null)!;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Format(object? v) => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
}
