namespace Simulator.Reporting.Validation;

/// <summary>How a simulated effect compares with a published one.</summary>
public enum DirectionVerdict
{
    /// <summary>The 95 % interval lies on the published side (or inside the null band for a published non-effect).</summary>
    Right,

    /// <summary>The 95 % interval lies on the other side (or wholly outside the null band).</summary>
    Wrong,

    /// <summary>The interval straddles the boundary: the simulation cannot tell at this scale.</summary>
    Undecided,

    /// <summary>No scenario mimics the experiment.</summary>
    NotSimulated,
}
