using Recommender.Policies;
using Recommender.State;

namespace Recommender.Tests;

public sealed class FriendCircleTests
{
    /// <summary>Users 0–3 in circle 0 with personal accounts 10 and 11; user 4 in circle 1 with account 12; creator 5 in no circle.</summary>
    private static PlatformState Circles()
    {
        var state = new PlatformState(new RecommenderOptions { ServedMemory = 16 }, seed: 5, expectedUsers: 5, expectedVideos: 64);
        state.Follows.EnsureCreators(13);
        state.Follows.Circles.Define([0, 0, 0, 0, 1], [[10, 11], [12]], state.Follows.CreatorCapacity);
        return state;
    }

    [Fact]
    public void Should_HoldFollowsInsideTheCircleAsBits_When_SeededFollowedAndUnfollowed()
    {
        // Given user 0 seeded with a friend of their circle (10), a creator (5) and a friend of another circle (12)
        var state = Circles();
        var graph = state.Follows;
        graph.Seed(0, [12, 10, 5]);

        // When user 1 follows account 10 twice and account 11 once, then unfollows 11
        graph.Follow(1, 10);
        graph.Follow(1, 10);
        graph.Follow(1, 11);
        graph.Unfollow(1, 11);

        // Then the in-circle follows are bits, not row entries, and every count agrees with the edges
        Assert.Equal([5, 12], graph.Followed(0).ToArray());
        Assert.True(graph.Follows(0, 10));
        Assert.True(graph.Follows(1, 10));
        Assert.False(graph.Follows(1, 11));
        Assert.Equal(2, graph.Followers(10));
        Assert.Equal(0, graph.Followers(11));
        Assert.Equal(2, graph.Circles.Edges);
        Assert.Equal(4, graph.Edges);
        // And follows of personal accounts count as such wherever they are held (10 twice in bits, 12 in a row)
        Assert.Equal(3, graph.PersonalEdges);
        Assert.True(graph.FollowsAny(1));
        Assert.False(graph.FollowsAny(2));
    }

    [Fact]
    public void Should_PutAFriendsUploadInTheFollowingInbox_When_TheUserFollowsThatFriend()
    {
        // Given user 0 following friend 10 and creator 5, user 1 following only friend 11
        var state = Circles();
        state.Follows.Seed(0, [10, 5]);
        state.Follows.Seed(1, [11]);

        // When creator 5 uploads video 0, friend 10 video 1, friend 11 video 2, and creator 5 video 3
        state.Follows.Uploaded(5, 0);
        state.Follows.Uploaded(10, 1);
        state.Follows.Uploaded(11, 2);
        state.Follows.Uploaded(5, 3);

        // Then each user's inbox holds what they follow, newest first, and no other friend's upload
        Span<int> newest = stackalloc int[8];
        var n = FollowingInbox.Newest(state, 0, newest, []);
        Assert.Equal([3, 1, 0], newest[..n].ToArray());
        n = FollowingInbox.Newest(state, 1, newest, []);
        Assert.Equal([2], newest[..n].ToArray());
        // And a user of the circle who follows no one sees nothing of it
        Assert.Equal(0, FollowingInbox.Newest(state, 2, newest, []));
    }

    [Fact]
    public void Should_ForgetCircleFollows_When_TheLearnedGraphIsCleared()
    {
        // Given follows in and out of a circle
        var state = Circles();
        state.Follows.Seed(0, [10, 5]);

        // When the platform forgets what it learned
        state.Follows.ClearLearned();

        // Then no follow is left anywhere
        Assert.False(state.Follows.Follows(0, 10));
        Assert.Equal(0, state.Follows.Edges);
        Assert.Equal(0, state.Follows.PersonalEdges);
        Assert.Equal(0, state.Follows.Followers(10));
    }
}
