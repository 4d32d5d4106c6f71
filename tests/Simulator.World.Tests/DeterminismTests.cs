using Simulator.World.Simulation;

namespace Simulator.World.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void Should_ProduceIdenticalDays_When_RunTwiceWithSameSeed()
    {
        var a = WorldFixtures.Run(WorldFixtures.Small());
        var b = WorldFixtures.Run(WorldFixtures.Small());
        Assert.Equal(a, b);
        Assert.True(a[0].Impressions > 0);
    }

    [Fact]
    public void Should_ProduceIdenticalDays_When_ThreadsAndChunkingDiffer()
    {
        // Small chunks force many chunks per tick, so two threads really interleave.
        var one = WorldFixtures.Run(WorldFixtures.Small(threads: 1, chunkSize: 4096));
        var two = WorldFixtures.Run(WorldFixtures.Small(threads: 2, chunkSize: 8));
        var three = WorldFixtures.Run(WorldFixtures.Small(threads: 3, chunkSize: 3));
        // The serving configuration: chunks of up to 64 cut smaller on quiet ticks.
        var adaptive = WorldFixtures.Run(WorldFixtures.Small(threads: 2, chunkSize: 64, minChunks: 16));
        // The feedback's recorder and bookkeeping side by side on every tick, and never.
        var sideBySide = WorldFixtures.Run(WorldFixtures.Small(threads: 2, chunkSize: 8) with { FeedbackSideBySideFrom = 0 });
        var inTurn = WorldFixtures.Run(WorldFixtures.Small(threads: 2, chunkSize: 8) with { FeedbackSideBySideFrom = int.MaxValue });
        Assert.Equal(one, two);
        Assert.Equal(one, three);
        Assert.Equal(one, adaptive);
        Assert.Equal(one, sideBySide);
        Assert.Equal(one, inTurn);
    }

    [Fact]
    public void Should_ProduceIdenticalDaysAndModels_When_RankedPolicyTrainsOnOneOrTwoThreads()
    {
        // The full core retrains during the run (seeded, single-threaded FastTree), so this also
        // checks that training is reproducible and that model swaps happen at tick boundaries.
        var one = WorldFixtures.Run(WorldFixtures.Small(users: 1500, threads: 1, policy: Recommender.FeedPolicyKind.Ranked, warmupDays: 1));
        var two = WorldFixtures.Run(WorldFixtures.Small(users: 1500, threads: 2, chunkSize: 16, policy: Recommender.FeedPolicyKind.Ranked, warmupDays: 1) with { FeedbackSideBySideFrom = 0 });
        Assert.Equal(one, two);
    }

    [Fact]
    public void Should_ProduceIdenticalDays_When_LightGbmHeadsTrainOnOneOrTwoThreads()
    {
        // Given the ranked core with LightGBM heads (native fits side by side on two threads)
        static Recommender.RecommenderOptions LightGbm(WorldSettings s) => s.Recommender with { Learner = Recommender.TreeLearner.LightGbm };
        var oneSettings = WorldFixtures.Small(users: 1500, threads: 1, policy: Recommender.FeedPolicyKind.Ranked, warmupDays: 1);
        var twoSettings = WorldFixtures.Small(users: 1500, threads: 2, chunkSize: 16, policy: Recommender.FeedPolicyKind.Ranked, warmupDays: 1);

        // When the same world runs on one and on two threads
        var one = WorldFixtures.Run(oneSettings with { Recommender = LightGbm(oneSettings) });
        var two = WorldFixtures.Run(twoSettings with { Recommender = LightGbm(twoSettings), FeedbackSideBySideFrom = 0 });

        // Then every day is the same, and it is not FastTree's world
        Assert.Equal(one, two);
        Assert.NotEqual(WorldFixtures.Run(oneSettings), one);
    }

    [Fact]
    public void Should_Differ_When_SeedDiffers()
    {
        var a = WorldFixtures.Run(WorldFixtures.Small(seed: 1));
        var b = WorldFixtures.Run(WorldFixtures.Small(seed: 2));
        Assert.NotEqual(a[0].Impressions, b[0].Impressions);
    }
}
