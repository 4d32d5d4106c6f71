namespace Simulator.World.Population;

/// <summary>Generational cohort, from birth year (Pew Research definitions), ages as of 2025.</summary>
public enum Generation : byte
{
    /// <summary>Born 1997–2012; on the platform from age 13, so 13–28.</summary>
    GenZ = 0,

    /// <summary>Born 1981–1996: 29–44.</summary>
    Millennial = 1,

    /// <summary>Born 1965–1980: 45–60.</summary>
    GenX = 2,

    /// <summary>Born 1946–1964: 61–79.</summary>
    Boomer = 3,
}
