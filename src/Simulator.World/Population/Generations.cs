namespace Simulator.World.Population;

/// <summary>Scenario names and age ranges of the generations.</summary>
public static class Generations
{
    /// <summary>Scenario keys, in <see cref="Generation"/> order.</summary>
    public static readonly string[] Keys = ["gen_z", "millennial", "gen_x", "boomer"];

    /// <summary>Inclusive age range of a generation (ages in 2025; platform minimum age 13).</summary>
    public static (int Min, int Max) AgeRange(Generation g) => g switch
    {
        Generation.GenZ => (13, 28),
        Generation.Millennial => (29, 44),
        Generation.GenX => (45, 60),
        _ => (61, 79),
    };

    /// <summary>Parses a scenario key.</summary>
    public static Generation Parse(string key) => (Generation)Array.IndexOf(Keys, key);
}
