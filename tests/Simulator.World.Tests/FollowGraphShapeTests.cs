using Simulator.World.Content;
using Simulator.World.Population;
using Simulator.World.Simulation;

namespace Simulator.World.Tests;

public sealed class FollowGraphShapeTests
{
    [Fact]
    public void Should_DrawPewShapedFollowCounts_When_TheWorldHasCreatorsToSpare()
    {
        // Given 3,000 users and ten creators for each of them, so that follows rarely saturate
        var settings = WorldFixtures.Small(users: 3000, days: 1) with
        {
            Content = new ContentOptions { CreatorsPerThousandUsers = 1000 },
        };

        // When the world is built (follows are seeded before the first tick)
        using var world = new SimulationWorld(settings);
        var counts = new List<int>();
        var installers = 0;
        for (var u = 0; u < world.Users.Count; u++)
        {
            var followed = 0;
            for (var c = 0; c < world.Content.Creators.CreatorCount; c++)
            {
                followed += world.Recommender.Follows(u, c) ? 1 : 0;
            }

            if (world.Users.Persona.InstallSecond[u] == PersonaColumns.Existing)
            {
                counts.Add(followed);
            }
            else
            {
                // Then users who install during the run follow no one yet
                Assert.Equal(0, followed);
                installers++;
            }
        }

        // And the creators' part (62 %) of Pew's counts holds: median 144 → 89, P10 5 → 3, P90 1,000 → 620,
        // the upper tail a little short where heavy followers run out of creators they care for
        counts.Sort();
        double Q(double p) => counts[(int)(p * (counts.Count - 1))];
        Assert.True(installers > 0);
        Assert.InRange(Q(0.5), 89 * 0.8, 89 * 1.15);
        Assert.InRange(Q(0.1), 1, 6);
        Assert.InRange(Q(0.9), 620 * 0.6, 620 * 1.1);
    }

    [Fact]
    public void Should_PutPewsShareOfCreatorFollowsAboveTheMegaThreshold_When_TiersComeFromTheGraph()
    {
        // Given follower counts where the top creator holds half the follows and the next two a quarter each
        int[] followers = [500, 250, 250, 0];

        // When the threshold scale is derived (12 / 58 of creator follows above the mega line)
        var scale = CreatorTiers.ScaleFromFollowers(followers, users: 1000, referenceUsers: 5e6);

        // Then the mega line is the top creator's count, and the other tiers keep the published ratios to it
        Assert.Equal(500 / 1e6, scale, 12);
        Assert.Equal(CreatorTier.Mega, CreatorTiers.Of(500, scale));
        Assert.Equal(CreatorTier.Macro, CreatorTiers.Of(250, scale));
        Assert.Equal(CreatorTier.Nano, CreatorTiers.Of(4, scale));

        // And a world without follows falls back to population over the reference population
        Assert.Equal(1000 / 5e6, CreatorTiers.ScaleFromFollowers([0, 0], 1000, 5e6), 12);
    }
}
