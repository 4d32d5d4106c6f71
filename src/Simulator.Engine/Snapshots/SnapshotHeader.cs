namespace Simulator.Engine.Snapshots;

/// <summary>What a snapshot says about itself, readable without loading its state.</summary>
public sealed record SnapshotHeader
{
    /// <summary>Hash of what the state was built from (the caller's definition of it): another one is refused by the caller.</summary>
    public required string DefinitionHash { get; init; }

    /// <summary>The seed of the run the state belongs to.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The replication's index (0-based).</summary>
    public required int Replication { get; init; }

    /// <summary>The tick that runs next when the state is resumed.</summary>
    public required long Tick { get; init; }

    /// <summary>The build that wrote it (version and commit): state images are read only by the same build.</summary>
    public required string Build { get; init; }

    /// <summary>Free text for the caller, e.g. the arm the state belongs to.</summary>
    public string Label { get; init; } = "";

    /// <summary>What the caller needs to go on from the state with its own configuration (e.g. its definition, as JSON); empty when nothing.</summary>
    public string Source { get; init; } = "";
}
