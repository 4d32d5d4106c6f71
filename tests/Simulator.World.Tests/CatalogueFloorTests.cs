using Simulator.World.Content;
using Simulator.World.Simulation;

namespace Simulator.World.Tests;

public sealed class CatalogueFloorTests
{
    [Fact]
    public void Should_KeepTheCreatorsOfTenThousandUsers_When_TheSampleIsSmaller()
    {
        // Given 1,000 users at 20 creators per 1,000 and the default floor of 10,000 users
        var settings = WorldFixtures.Small(users: 1000, days: 1);

        // When the world is built
        using var world = new SimulationWorld(settings);
        var creators = world.Content.Creators;
        var withAccount = 0;
        for (var c = 0; c < creators.CreatorCount; c++)
        {
            withAccount += creators.UserId[c] >= 0 ? 1 : 0;
        }

        // Then it has the 200 organic creators of 10,000 users, and only the sample's own 20 are its users
        Assert.Equal(200, creators.CreatorCount);
        Assert.Equal(20, withAccount);
        Assert.Equal((200, 20), ContentSupply.CreatorCounts(settings.Content, 1000));
    }

    [Fact]
    public void Should_ScaleCreatorsWithTheUsers_When_TheFloorIsOffOrBelowTheSample()
    {
        // Given the default content settings and the floor switched off
        var content = new ContentOptions();
        var off = content with { CatalogueMinUsers = 0 };

        // When creators are counted for small and large samples
        // Then above the floor nothing changes, and with the floor off a small sample keeps its own few
        Assert.Equal((400, 400), ContentSupply.CreatorCounts(content, 20_000));
        Assert.Equal((20, 20), ContentSupply.CreatorCounts(off, 1000));
    }

    [Fact]
    public void Should_FillTheSlate_When_ASmallWorldDrawsFromTheFlooredCatalogue()
    {
        // Given a 1,000-user world four days in, with and without the catalogue floor
        static double SlotsPerRequest(int floor)
        {
            var settings = WorldFixtures.Small(users: 1000, days: 4) with { Content = new ContentOptions { CatalogueMinUsers = floor } };
            using var world = new SimulationWorld(settings);
            world.Loop.RunUntil(world.EndTick);
            return world.SlotsServed / (double)world.Requests;
        }

        // When each serves its feed
        var floored = SlotsPerRequest(10_000);
        var thin = SlotsPerRequest(0);

        // Then the floored feed fills nearly all 8 slots while the sample's own catalogue runs dry
        Assert.True(floored > 7.5, $"slots per request with the floor: {floored:F2}");
        Assert.True(thin < floored - 1, $"slots per request without it: {thin:F2} (with: {floored:F2})");
    }
}
