namespace Simulator.World.Population;

/// <summary>Gender as the persona states it (scenario keys).</summary>
public static class Genders
{
    /// <summary>Scenario keys; the index is the stored gender id.</summary>
    public static readonly string[] Keys = ["female", "male"];
}
