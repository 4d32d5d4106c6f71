using System.Text.Json;
using Simulator.Engine.Snapshots;
using Simulator.Scenarios.Loading;

namespace Simulator.Runs;

/// <summary>The scenario a checkpoint belongs to and the overrides it ran with, stored in its header so that <c>run --from</c> can go on from it.</summary>
/// <param name="Path">The scenario file (its folder resolves a relative calibration profile).</param>
/// <param name="Text">The file's text when the run started.</param>
/// <param name="Scale">The run's --scale.</param>
/// <param name="Seed">The run's --seed, or null for the scenario's.</param>
public sealed record SnapshotSource(string Path, string Text, double Scale, ulong? Seed)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The source recorded in <paramref name="header"/>.</summary>
    public static SnapshotSource Of(SnapshotHeader header, string file)
    {
        ArgumentNullException.ThrowIfNull(header);
        try
        {
            return JsonSerializer.Deserialize<SnapshotSource>(header.Source) ?? throw new JsonException();
        }
        catch (JsonException)
        {
            throw new SnapshotException($"{file}: the snapshot does not record the scenario it belongs to, so nothing can branch from it");
        }
    }

    /// <summary>The scenario as it ran (seed override applied).</summary>
    public Scenarios.Model.Scenario Scenario()
    {
        var scenario = ScenarioLoader.Parse(Path, Text).Scenario;
        return Seed is { } seed ? scenario with { Seed = seed } : scenario;
    }
}
