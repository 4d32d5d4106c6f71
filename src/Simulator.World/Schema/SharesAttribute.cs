using System.Reflection;

namespace Simulator.World.Schema;

/// <summary>
/// Marks a key→number map whose values are shares of a whole: each at least 0, together 1
/// (within <see cref="Tolerance"/>). <see cref="AllowedKeys"/> restrict the keys when given.
/// Scenario validation enforces both and reports the offending line and column.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SharesAttribute : Attribute
{
    /// <summary>Creates the attribute with the keys that may appear (none: any key).</summary>
    public SharesAttribute(params string[] allowedKeys) => AllowedKeys = allowedKeys;

    /// <summary>Creates the attribute with keys read from a public static <c>string[]</c> field or property.</summary>
    public SharesAttribute(Type keySource, string keyMember)
    {
        ArgumentNullException.ThrowIfNull(keySource);
        var flags = BindingFlags.Public | BindingFlags.Static;
        var value = keySource.GetField(keyMember, flags)?.GetValue(null) ?? keySource.GetProperty(keyMember, flags)?.GetValue(null);
        AllowedKeys = value as string[] ?? throw new ArgumentException($"{keySource.Name}.{keyMember} is not a public static string[].", nameof(keyMember));
    }

    /// <summary>Keys that may appear; empty means any.</summary>
    public IReadOnlyList<string> AllowedKeys { get; }

    /// <summary>Allowed distance of the sum from 1.</summary>
    public double Tolerance { get; init; } = 1e-6;
}
