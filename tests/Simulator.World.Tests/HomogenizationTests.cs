using Simulator.World.Simulation;

namespace Simulator.World.Tests;

public sealed class HomogenizationTests
{
    [Fact]
    public void Should_EstimateTheMeanPairwiseJaccard_When_UsersWatchOverlappingSets()
    {
        // Given 200 users (all sampled) who each watched 400 videos: 200 shared by all, 200 of their own
        var h = new Homogenization(200);
        Assert.Equal(200, h.Sampled);
        for (var u = 0; u < 200; u++)
        {
            for (var v = 0; v < 200; v++)
            {
                h.Watched(u, v);
                h.Watched(u, v); // watching again changes nothing
            }

            for (var v = 0; v < 200; v++)
            {
                h.Watched(u, 1_000_000 + (u * 1000) + v);
            }
        }

        // Then the mean pairwise Jaccard is near the exact 200 / 600 = 1/3 (every pair shares the
        // same 200 videos, so the pairs' sketch errors are correlated: within about one per-pair
        // standard error √(J(1 − J) / k) = 0.042)
        Assert.InRange(h.MeanJaccard(), (1.0 / 3) - 0.045, (1.0 / 3) + 0.045);
    }

    [Fact]
    public void Should_BeOneForIdenticalAndZeroForDisjointSets_When_Measured()
    {
        var same = new Homogenization(10);
        var apart = new Homogenization(10);
        for (var u = 0; u < 10; u++)
        {
            for (var v = 0; v < 50; v++)
            {
                same.Watched(u, v);
                apart.Watched(u, (u * 100) + v);
            }
        }

        Assert.Equal(1.0, same.MeanJaccard(), 12);
        Assert.Equal(0.0, apart.MeanJaccard(), 12);
        Assert.True(double.IsNaN(new Homogenization(10).MeanJaccard()));
    }

    [Fact]
    public void Should_SampleAFixedNumberOfUsers_When_TheWorldIsLarge()
    {
        var h = new Homogenization(100_000);
        Assert.Equal(Homogenization.SampleSize, h.Sampled);
        h.Watched(1, 5); // not sampled: every 100th user is
        h.Watched(100, 5);
        h.Watched(200, 5);
        Assert.Equal(1.0, h.MeanJaccard(), 12);
    }
}
