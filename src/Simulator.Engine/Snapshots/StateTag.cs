namespace Simulator.Engine.Snapshots;

/// <summary>What the state image holds at a reference position.</summary>
internal enum StateTag : byte
{
    Null = 0,
    /// <summary>An object already written, by id.</summary>
    Back = 1,
    /// <summary>A new object: its type, then its contents.</summary>
    New = 2,
    /// <summary>An external object (thread, delegate, …): kept from the graph being restored.</summary>
    External = 3,
    Text = 4,
}
