using Recommender;
using Simulator.World.Population;
using Simulator.World.Simulation;

namespace Simulator.World.Tests;

internal static class WorldFixtures
{
    public static WorldSettings Small(int users = 3000, int days = 2, int threads = 1, int chunkSize = 4096, ulong seed = 42, FeedPolicyKind policy = FeedPolicyKind.Popularity, int warmupDays = 0, int minChunks = 1) => new()
    {
        Seed = seed,
        Days = days,
        WarmupDays = warmupDays,
        Recommender = new RecommenderOptions { Policy = policy, TrainingRows = 3000, Trees = 8 },
        TickSeconds = 60,
        Threads = threads,
        ChunkSize = chunkSize,
        MinChunks = minChunks,
        Population = new PopulationOptions { Size = users },
    };

    public sealed class Collector : IWorldObserver
    {
        public List<DailyTotals> Days { get; } = [];

        public void OnDayEnd(in DailyTotals day) => Days.Add(day);
    }

    public static List<DailyTotals> Run(WorldSettings settings)
    {
        using var world = new SimulationWorld(settings);
        var c = new Collector();
        world.AddObserver(c);
        world.Loop.RunUntil(world.EndTick);
        return c.Days;
    }
}
