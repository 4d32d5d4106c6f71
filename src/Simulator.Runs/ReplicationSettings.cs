using Simulator.Engine.Random;
using Simulator.Scenarios.Model;
using Simulator.World.Simulation;

namespace Simulator.Runs;

/// <summary>Turns a validated scenario into the settings of one replication's world.</summary>
public static class ReplicationSettings
{
    // Stream reserved for deriving replication seeds from the scenario seed.
    private const ulong ReplicationStream = 0x5EED;

    /// <summary>Seed of replication <paramref name="replication"/>; baseline and variants share it (common random numbers).</summary>
    public static ulong Seed(ulong seed, int replication) =>
        CounterRng.Draw(seed, (ulong)replication, ReplicationStream, 0);

    /// <summary>World settings for one replication, with the population scaled by <paramref name="scale"/>.</summary>
    public static WorldSettings For(Scenario scenario, int replication, int threads, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        var size = Math.Max(1, (int)Math.Round(scenario.Population.Size * scale));
        return new WorldSettings
        {
            Seed = Seed(scenario.Seed, replication),
            Days = scenario.Duration.Days,
            TickSeconds = (int)scenario.Duration.Tick.TotalSeconds,
            WarmupDays = scenario.Duration.WarmupDays,
            Threads = threads,
            Population = scenario.Population with { Size = size },
            Content = scenario.Content,
            Behaviour = scenario.Behaviour,
            Recommender = scenario.Recommender,
            Policies = scenario.Policies,
            Campaigns = scenario.Campaigns,
            Marketing = scenario.Marketing,
        };
    }
}
