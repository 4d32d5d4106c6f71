using Recommender.Policies;
using Recommender.State;

namespace Recommender.Tests;

public sealed class FollowGraphTests
{
    [Fact]
    public void Should_KeepFollowsSortedAndCountsConsistent_When_SeededThenFollowedAndUnfollowed()
    {
        // Given a user seeded with three follows in any order
        var graph = new FollowGraph(2, 64);
        graph.Seed(0, [40, 3, 17]);

        // When they follow one more, follow a held one again, and unfollow one
        graph.Follow(0, 9);
        graph.Follow(0, 17);
        graph.Unfollow(0, 40);

        // Then the row is sorted, lookups agree with it, and follower counts match the edges
        Assert.Equal([3, 9, 17], graph.Followed(0).ToArray());
        Assert.True(graph.Follows(0, 9));
        Assert.False(graph.Follows(0, 40));
        Assert.Equal(3, graph.Edges);
        Assert.Equal(graph.Edges, Enumerable.Range(0, 64).Sum(graph.Followers));
    }

    [Fact]
    public void Should_ForgetExactlyOneFollow_When_TheRowIsFull()
    {
        // Given a user whose seeded row is full (seeded count plus its slack)
        var graph = new FollowGraph(1, 400);
        graph.Seed(0, [.. Enumerable.Range(0, 160)]);
        for (var c = 160; graph.Followed(0).Length < 160 + 8 + 10; c++)
        {
            graph.Follow(0, c);
        }

        var full = graph.Followed(0).Length;

        // When they follow more accounts than the row holds
        for (var c = 300; c < 340; c++)
        {
            graph.Follow(0, c);
        }

        // Then the row keeps its size, holds every newest follow made, stays sorted, and counts stay consistent
        Assert.Equal(full, graph.Followed(0).Length);
        Assert.True(graph.Follows(0, 339));
        Assert.True(graph.Followed(0).ToArray().SequenceEqual(graph.Followed(0).ToArray().Order()));
        Assert.Equal(full, Enumerable.Range(0, 400).Sum(graph.Followers));
    }

    [Fact]
    public void Should_ReturnTheNewestUnservedFollowedUploads_When_ThereAreMoreThanTheBufferHolds()
    {
        // Given a user following creators 1 and 2 of three, each uploading in turn, some already served
        var state = new PlatformState(new RecommenderOptions { ServedMemory = 16 }, seed: 5, expectedUsers: 1, expectedVideos: 64);
        state.Follows.EnsureCreators(3);
        state.Follows.Seed(0, [2, 1]);
        for (var v = 0; v < 30; v++)
        {
            state.Follows.Uploaded(v % 3, v);
        }

        state.Served.Add(0, 29);
        state.Served.Add(0, 26);

        // When the five newest are asked for
        Span<int> newest = stackalloc int[5];
        var n = FollowingInbox.Newest(state, 0, newest, []);

        // Then they are the followed creators' newest unserved uploads, newest first (a brute force agrees)
        var expected = Enumerable.Range(0, 30).Where(v => v % 3 != 0 && v != 29 && v != 26)
            .Where(v => v >= 30 - (3 * FollowGraph.RecentUploads)).OrderDescending().Take(5).ToArray();
        Assert.Equal(expected, newest[..n].ToArray());
    }
}
