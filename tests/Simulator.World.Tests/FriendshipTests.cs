using Simulator.World.Content;
using Simulator.World.Population;
using Simulator.World.Simulation;

namespace Simulator.World.Tests;

public sealed class FriendshipTests
{
    private static SimulationWorld Build() => new(WorldFixtures.Small(users: 3000, days: 1) with
    {
        Population = new PopulationOptions { Size = 3000, Countries = new() { ["US"] = 1 } },
    });

    [Fact]
    public void Should_GiveEveryOtherPosterAPersonalAccount_When_TheWorldIsBuilt()
    {
        // Given a 3,000-user world with the default 20 creators per 1,000 users
        using var world = Build();
        var creators = world.Content.Creators;
        var persona = world.Users.Persona;

        // Then its personal accounts are exactly the posters already there who own no creator account
        var creatorUsers = Enumerable.Range(0, creators.CreatorCount).Select(c => creators.UserId[c]).ToHashSet();
        var owners = Enumerable.Range(0, world.Users.Count)
            .Where(u => persona.IsPoster[u] && persona.InstallSecond[u] == PersonaColumns.Existing && !creatorUsers.Contains(u)).ToList();
        var personal = Enumerable.Range(creators.CreatorCount, creators.PersonalCount).ToList();
        Assert.Equal(owners, personal.Select(a => creators.UserId[a]).ToList());
        Assert.All(personal, a => Assert.Equal(CreatorType.Personal, creators.Type[a]));
        Assert.All(personal, a => Assert.True(creators.IsPersonal(a)));

        // And together they post Pew's 2 % of organic uploads
        var friendsRate = personal.Sum(a => (double)creators.UploadsPerDay[a]);
        Assert.Equal(0.02, friendsRate / creators.FullUploadsPerDay, 5);
    }

    [Fact]
    public void Should_FollowFriendsAlikeInPewsShare_When_FollowsAreSeeded()
    {
        // Given the same world
        using var world = Build();
        var creators = world.Content.Creators;
        var persona = world.Users.Persona;
        long friendEdges = 0, creatorEdges = 0;

        for (var u = 0; u < world.Users.Count; u++)
        {
            var friends = 0;
            for (var a = creators.CreatorCount; a < creators.OrganicCount; a++)
            {
                if (!world.Recommender.Follows(u, a))
                {
                    continue;
                }

                // Then every friend is of the user's own generation (and country), and never the user's own account
                var owner = creators.UserId[a];
                Assert.NotEqual(u, owner);
                Assert.Equal(persona.Generation[u], persona.Generation[owner]);
                friends++;
            }

            var followsCreators = Enumerable.Range(0, creators.CreatorCount).Count(c => world.Recommender.Follows(u, c));
            if (persona.InstallSecond[u] != PersonaColumns.Existing)
            {
                // And users who install during the run follow no friend yet
                Assert.Equal(0, friends);
            }

            friendEdges += friends;
            creatorEdges += followsCreators;
        }

        // And friends are Pew's 38 % of follows, the share the platform reports too
        var share = (double)friendEdges / (friendEdges + creatorEdges);
        Assert.InRange(share, 0.36, 0.40);
        Assert.Equal(friendEdges, world.Recommender.PersonalFollowEdges);
        Assert.Equal(friendEdges + creatorEdges, world.Recommender.FollowEdges);
    }
}
