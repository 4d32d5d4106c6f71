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
        Assert.Equal(one, two);
        Assert.Equal(one, three);
    }

    [Fact]
    public void Should_Differ_When_SeedDiffers()
    {
        var a = WorldFixtures.Run(WorldFixtures.Small(seed: 1));
        var b = WorldFixtures.Run(WorldFixtures.Small(seed: 2));
        Assert.NotEqual(a[0].Impressions, b[0].Impressions);
    }
}
