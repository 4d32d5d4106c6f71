using System.Collections.Concurrent;
using System.Reflection;

namespace Simulator.Scenarios.Loading;

/// <summary>The settable public properties of an option record, keyed by scenario (snake_case) name, in declaration order.</summary>
internal static class OptionProperties
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> Cache = new();

    public static IReadOnlyDictionary<string, PropertyInfo> Of(Type type) =>
        Cache.GetOrAdd(type, static t =>
        {
            var result = new Dictionary<string, PropertyInfo>(StringComparer.Ordinal);
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
            {
                if (p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                {
                    result[KeyNames.ToSnake(p.Name)] = p;
                }
            }

            return result;
        });
}
