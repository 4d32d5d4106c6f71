using Simulator.World.Simulation;

namespace Simulator.World.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void Should_AllocateNothingPerTick_When_InSteadyState()
    {
        // Given a world warmed up for a full day (buffers have reached their working size)
        using var world = new SimulationWorld(WorldFixtures.Small(users: 5000, days: 3));
        world.AddObserver(new WorldFixtures.Collector());
        world.Loop.RunUntil(1440 + 60);

        // When six more hours run (no day boundary: the collector's list may grow there)
        var before = GC.GetAllocatedBytesForCurrentThread();
        world.Loop.RunUntil(1440 + 60 + 360);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then the tick path allocated nothing, while real work happened
        Assert.Equal(0, allocated);
        Assert.True(world.TotalImpressions > 0);
    }

    [Fact]
    public void Should_AllocateNothingPerTickBetweenRetrains_When_RankedPolicyServes()
    {
        // Given the full ranked core, warmed up past its first training (retraining itself
        // allocates: it runs ML.NET once per simulated day, outside the measured window)
        using var world = new SimulationWorld(WorldFixtures.Small(users: 2000, days: 3, policy: Recommender.FeedPolicyKind.Ranked));
        world.AddObserver(new WorldFixtures.Collector());
        world.Loop.RunUntil(1440 + 60);

        var before = GC.GetAllocatedBytesForCurrentThread();
        world.Loop.RunUntil(1440 + 60 + 360);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(world.Recommender.Trainings > 0);
    }

    [Fact]
    public void Should_AllocateNothingPerTick_When_CampaignsServeAdSlots()
    {
        // Given paid placements and a sponsored campaign running through the measured window
        var settings = WorldFixtures.Small(users: 3000, days: 3) with
        {
            Campaigns =
            [
                new() { Name = "u", Budget = 1e7, Tiers = new() { ["nano"] = 0.5, ["micro"] = 0.5 }, Format = Marketing.CampaignFormat.UgcAd, CreatorTypes = [Content.CreatorType.Ugc, Content.CreatorType.Amateur], Days = 3 },
                new() { Name = "s", Budget = 1e7, Tiers = new() { ["micro"] = 1.0 }, Days = 3 },
            ],
        };
        using var world = new SimulationWorld(settings);
        world.AddObserver(new WorldFixtures.Collector());
        world.Loop.RunUntil(1440 + 60);

        var before = GC.GetAllocatedBytesForCurrentThread();
        world.Loop.RunUntil(1440 + 60 + 360);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(world.Campaigns!.Ledger.Total(0, Marketing.LedgerField.Impressions) > 0);
    }
}
