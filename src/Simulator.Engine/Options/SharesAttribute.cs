namespace Simulator.Engine.Options;

/// <summary>
/// Marks a key→number map whose values are shares of a whole: each at least 0, together 1
/// (within <see cref="Tolerance"/>). Optional <see cref="AllowedKeys"/> restrict the keys.
/// Scenario validation enforces both and reports the offending line and column.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SharesAttribute : Attribute
{
    /// <summary>Creates the attribute with the keys that may appear (none: any key).</summary>
    public SharesAttribute(params string[] allowedKeys) => AllowedKeys = allowedKeys;

    /// <summary>Keys that may appear; empty means any.</summary>
    public IReadOnlyList<string> AllowedKeys { get; }

    /// <summary>Allowed distance of the sum from 1.</summary>
    public double Tolerance { get; init; } = 1e-6;
}
