namespace Simulator.Engine.Options;

/// <summary>Restricts the keys of a map-valued option (e.g. value weights) to a known set.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AllowedKeysAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public AllowedKeysAttribute(params string[] keys) => Keys = keys;

    /// <summary>Keys that may appear.</summary>
    public IReadOnlyList<string> Keys { get; }
}
