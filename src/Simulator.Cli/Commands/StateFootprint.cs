using System.Reflection;
using System.Runtime.CompilerServices;

namespace Simulator.Cli.Commands;

/// <summary>
/// Bytes held in arrays by an object graph, found by reflection over instance fields: what each
/// part of the simulation state costs, for the benchmark's memory table. Strings, delegates and
/// framework objects are not followed; every object is counted once.
/// </summary>
internal static class StateFootprint
{
    private static readonly MethodInfo SizeOfMethod = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!;

    /// <summary>Array bytes reachable from <paramref name="root"/> that no object in <paramref name="seen"/> already holds.</summary>
    public static long Measure(object? root, HashSet<object> seen)
    {
        if (root is null || root is string || root is Delegate || !seen.Add(root))
        {
            return 0;
        }

        if (root is Array array)
        {
            var element = array.GetType().GetElementType()!;
            if (!element.IsValueType)
            {
                long nested = (long)array.Length * IntPtr.Size;
                foreach (var item in array)
                {
                    nested += Measure(item, seen);
                }

                return nested;
            }

            return (long)array.Length * SizeOf(element);
        }

        var type = root.GetType();
        if (type.Namespace is null || !(type.Namespace.StartsWith("Simulator", StringComparison.Ordinal) || type.Namespace.StartsWith("Recommender", StringComparison.Ordinal)))
        {
            return 0;
        }

        long total = 0;
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsValueType)
                {
                    total += Measure(field.GetValue(root), seen);
                }
            }
        }

        return total;
    }

    /// <summary>The named parts of <paramref name="root"/> (its reference fields), largest first, each counted once.</summary>
    public static List<(string Part, long Bytes)> Parts(object root, HashSet<object> seen)
    {
        var parts = new List<(string, long)>();
        seen.Add(root);
        foreach (var field in root.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!field.FieldType.IsValueType)
            {
                var bytes = Measure(field.GetValue(root), seen);
                if (bytes > 0)
                {
                    parts.Add((Name(field), bytes));
                }
            }
        }

        parts.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return parts;
    }

    private static string Name(FieldInfo field)
    {
        var name = field.Name;
        if (name.StartsWith('<'))
        {
            name = name[1..name.IndexOf('>', StringComparison.Ordinal)];
        }

        return name.TrimStart('_');
    }

    private static int SizeOf(Type t) => (int)SizeOfMethod.MakeGenericMethod(t).Invoke(null, null)!;
}
