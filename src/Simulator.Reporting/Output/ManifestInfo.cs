namespace Simulator.Reporting.Output;

/// <summary>Facts about the run that the caller knows (version, commit, clock): manifest only.</summary>
public sealed record ManifestInfo
{
    public required string Version { get; init; }

    public string? Commit { get; init; }

    public required string StartedUtc { get; init; }

    public required string Command { get; init; }

    public string Machine { get; init; } = MachineDescription.Current;
}
