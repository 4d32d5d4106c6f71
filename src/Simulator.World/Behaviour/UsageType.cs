namespace Simulator.World.Behaviour;

/// <summary>
/// How a user came to use the app, which sets their daily visit propensity and starting habit:
/// the existing base is light, casual or core; installs during the run are trial, casual or core
/// users (DESIGN.md §4, lifecycle).
/// </summary>
public enum UsageType : byte
{
    Light = 0,
    Casual = 1,
    Core = 2,

    /// <summary>An install who tries the app once or twice and, unless the first sessions win them over, forgets it.</summary>
    Trial = 3,
}

/// <summary>Scenario names of the usage types.</summary>
public static class UsageTypes
{
    /// <summary>Scenario keys, in <see cref="UsageType"/> order.</summary>
    public static readonly string[] Keys = ["light", "casual", "core", "trial"];

    /// <summary>Keys of the existing base's mix (population.base_mix).</summary>
    public static readonly string[] BaseKeys = ["light", "casual", "core"];

    /// <summary>Keys of the installers' mix (population.installer_mix).</summary>
    public static readonly string[] InstallerKeys = ["trial", "casual", "core"];
}
