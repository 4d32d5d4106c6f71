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

    /// <summary>The named parts, largest first, each object counted once.</summary>
    public static List<(string Part, long Bytes)> Parts(IEnumerable<KeyValuePair<string, object>> parts, HashSet<object> seen)
    {
        var measured = new List<(string, long)>();
        foreach (var (name, part) in parts)
        {
            var bytes = Measure(part, seen);
            if (bytes > 0)
            {
                measured.Add((name, bytes));
            }
        }

        measured.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return measured;
    }

    private static int SizeOf(Type t) => (int)SizeOfMethod.MakeGenericMethod(t).Invoke(null, null)!;
}
