using Simulator.World.Content;
using Simulator.World.Simulation;

namespace Simulator.World.Tests;

public sealed class NewCreatorTests
{
    private static SimulationWorld Run(double share, int days = 4)
    {
        var settings = WorldFixtures.Small(users: 3000, days: days) with
        {
            Content = new ContentOptions { NewCreatorShare = share },
        };
        var world = new SimulationWorld(settings);
        world.Loop.RunUntil(world.EndTick);
        return world;
    }

    [Fact]
    public void Should_StartNewcomersOnTheirDebutDay_When_NewCreatorShareIsSet()
    {
        using var world = Run(0.5);
        var creators = world.Content.Creators;
        int newcomers = 0, posted = 0;
        for (var c = 0; c < creators.CreatorCount; c++)
        {
            var debut = creators.DebutDay[c];
            if (debut == int.MinValue)
            {
                continue;
            }

            newcomers++;
            Assert.InRange(debut, 0, 3);
            // Nothing before the debut day, and no audience held from before the run
            if (creators.FirstUploadSecond[c] != long.MaxValue)
            {
                posted++;
                Assert.True(creators.FirstUploadSecond[c] >= debut * 86_400L, $"creator {c} posted at {creators.FirstUploadSecond[c]} before day {debut}");
                Assert.True(creators.DebutedAtOrAfter(c, 0));
            }

            Assert.Equal(0, creators.FollowersAtStart[c]);
        }

        // About half of the 200 organic creators (the catalogue of 10,000 users) are newcomers;
        // with a median of 0.3 uploads a day and on average two days left after the debut, about a
        // third of them post
        Assert.Equal(200, creators.CreatorCount);
        Assert.InRange(newcomers, 75, 125);
        Assert.True(posted >= 3, $"{posted} of {newcomers} newcomers posted");
    }

    [Fact]
    public void Should_DrawTheSameCreatorsAndNoNewcomers_When_ShareIsZero()
    {
        using var plain = Run(0, days: 2);
        using var none = new SimulationWorld(WorldFixtures.Small(users: 3000, days: 2));
        none.Loop.RunUntil(none.EndTick);
        var a = plain.Content.Creators;
        var b = none.Content.Creators;
        Assert.DoesNotContain(a.DebutDay.Take(a.CreatorCount), d => d != int.MinValue);
        Assert.Equal(b.FirstUploadSecond, a.FirstUploadSecond);
        Assert.Equal(b.VideoCount, a.VideoCount);
        Assert.Equal(none.TotalImpressions, plain.TotalImpressions);
    }
}
