using Recommender.Abstractions;
using Recommender.Embeddings;

namespace Recommender.Tests;

public sealed class HashtagTests
{
    [Fact]
    public void Should_KeepFirstThreeTags_When_MoreAreGiven()
    {
        // Given five tag ids
        var set = HashtagSet.Of([4, 9, 2, 7, 1]);

        // Then the first three are kept, in order
        Assert.Equal(3, set.Count);
        Assert.Equal([4, 9, 2], [set[0], set[1], set[2]]);
        Assert.True(set.Contains(2));
        Assert.False(set.Contains(7));
        Assert.Equal(9, set.Max());
        Assert.Equal(-1, default(HashtagSet).Max());
        Assert.Throws<ArgumentOutOfRangeException>(() => HashtagSet.Of([3, -1]));
    }

    [Fact]
    public void Should_ScoreNewVideoByItsHashtags_When_UserEngagedWithThatTag()
    {
        // Given a user who watched many videos tagged #5 to the end and swiped away videos tagged #6
        var table = new EmbeddingTable(users: 2, videos: 200, seed: 3);
        table.EnsureHashtags(10);
        var liked = HashtagSet.Of([5]);
        var disliked = HashtagSet.Of([6]);
        for (var v = 0; v < 100; v++)
        {
            table.Update(0, v, liked, positive: true, videoImpressions: 1, second: v);
            table.Update(0, 100 + v, disliked, positive: false, videoImpressions: 1, second: v);
        }

        // When two new videos (no admitted vector) are scored for that user
        var withLikedTag = table.Score(0, 198, HashtagSet.Of([5, 8]));
        var withDislikedTag = table.Score(0, 199, HashtagSet.Of([6, 8]));

        // Then the one carrying the engaged tag scores higher, and a video without tags scores 0
        Assert.True(withLikedTag > withDislikedTag + 0.1f, $"{withLikedTag} vs {withDislikedTag}");
        Assert.True(table.TagScore(0, liked) > 0f);
        Assert.Equal(0f, table.Score(0, 197, default));
    }

    [Fact]
    public void Should_ForgetHashtagVectors_When_Cleared()
    {
        // Given a learned hashtag vector
        var table = new EmbeddingTable(users: 1, videos: 10, seed: 3);
        table.EnsureHashtags(4);
        for (var i = 0; i < 50; i++)
        {
            table.Update(0, 1, HashtagSet.Of([2]), positive: true, videoImpressions: 1, second: i);
        }

        Assert.NotEqual(0f, table.TagScore(0, HashtagSet.Of([2])));

        // When the table is cleared (the "untrained" core), the tag knows nothing again
        table.Clear();
        Assert.Equal(0f, table.TagScore(0, HashtagSet.Of([2])));
    }

    [Fact]
    public void Should_KeepUploadersHashtags_When_VideoRegistered()
    {
        // Given a core that receives a video with hashtags
        var core = new RecommenderCore(new RecommenderOptions(), seed: 1, expectedUsers: 1, expectedVideos: 4);
        core.RegisterUser(new UserAccount(0, "US", "en", DeviceKind.Ios, false));
        core.RegisterVideo(new VideoMetadata(0, 0, 0, 0, 15, 0, "US", HashtagSet.Of([300, 12])));
        core.Advance(0);

        // When the user finishes it (feedback trains the tag vectors, sized for id 300)
        for (var i = 0; i < 20; i++)
        {
            core.Record(new ImpressionFeedback(0, 0, 10 + i, 15, Reactions.Finished | Reactions.Liked));
        }

        // Then the catalogue spans the largest tag id
        Assert.Equal(301, core.HashtagSpan);
    }
}
