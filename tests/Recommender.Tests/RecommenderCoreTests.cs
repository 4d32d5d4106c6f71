using Recommender.Abstractions;

namespace Recommender.Tests;

public sealed class RecommenderCoreTests
{
    private static RecommenderCore Core(FeedPolicyKind policy, int videos, ValueWeights? weights = null, double freshShare = 0.0, int users = 4)
    {
        var core = new RecommenderCore(new RecommenderOptions { Policy = policy, Weights = weights ?? new(), FreshShare = freshShare, ServedMemory = 16 }, seed: 11, users, videos);
        for (var u = 0; u < users; u++)
        {
            core.RegisterUser(new UserAccount(u, u % 2 == 0 ? "US" : "BR", "en", DeviceKind.Ios, false));
        }

        for (var v = 0; v < videos; v++)
        {
            core.RegisterVideo(new VideoMetadata(v, v % 5, v % 3, v, 20, -7 * 86_400, v % 2 == 0 ? "US" : "BR"));
        }

        core.Advance(0);
        return core;
    }

    private static int[] Slate(RecommenderCore core, int user, long now, int size = 8)
    {
        var slate = new int[size];
        var n = core.Recommend(new RecommendationRequest(user, now, 12, 0), slate, new ServeContext[size]);
        return slate[..n];
    }

    [Fact]
    public void Should_RefuseTheRequest_When_TheContextsSpanIsShorterThanTheSlate()
    {
        var core = Core(FeedPolicyKind.Chronological, 50);
        var error = Assert.Throws<ArgumentException>(() => core.Recommend(new RecommendationRequest(0, 10, 12, 0), new int[8], new ServeContext[7]));
        Assert.Equal("contexts", error.ParamName);
        Assert.Contains("shorter than the slate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ServeMostValuableVideoFirst_When_PopularityHasFeedback()
    {
        // Given video 7 collected likes and shares from users in both countries
        var core = Core(FeedPolicyKind.Popularity, 50);
        for (var i = 0; i < 20; i++)
        {
            core.Record(new ImpressionFeedback(i % 4, 7, 10, 20, Reactions.Finished | Reactions.Liked | Reactions.Shared));
            core.Record(new ImpressionFeedback(i % 4, 3, 10, 5, Reactions.None));
        }

        core.Advance(24 * 3600);

        // When a user asks for a feed
        var slate = Slate(core, 1, 24 * 3600);

        // Then the first slot (the user's country list) holds the most valuable video, and the weaker one follows in the global slot
        Assert.Equal(7, slate[0]);
        Assert.Contains(3, slate);
    }

    private static RecommenderCore CoreWithOptOut(FeedPolicyKind policy, int videos)
    {
        // Users 0 and 1 in the US; user 1 switched personalisation off.
        var core = new RecommenderCore(new RecommenderOptions { Policy = policy, FreshShare = 0, ServedMemory = 16 }, seed: 11, 2, videos);
        core.RegisterUser(new UserAccount(0, "US", "en", DeviceKind.Ios, false));
        core.RegisterUser(new UserAccount(1, "US", "en", DeviceKind.Ios, false, NonPersonalizedFeed: true));
        for (var v = 0; v < videos; v++)
        {
            core.RegisterVideo(new VideoMetadata(v, v % 5, v % 3, v, 20, -7 * 86_400, "US"));
        }

        core.Advance(0);
        return core;
    }

    [Fact]
    public void Should_ServeThePopularFeed_When_AnAccountSwitchedPersonalisationOff()
    {
        // Given a random-feed platform where video 7 collected likes and shares
        var core = CoreWithOptOut(FeedPolicyKind.Random, 60);
        for (var i = 0; i < 20; i++)
        {
            core.Record(new ImpressionFeedback(0, 7, 10, 20, Reactions.Finished | Reactions.Liked | Reactions.Shared));
        }

        core.Advance(24 * 3600);

        // When the opted-out user asks for feeds at several times, the popular list leads every
        // time (the random feed would put video 7 first in about 1 in 60 slates)
        var firsts = Enumerable.Range(0, 5).Select(k => Slate(core, 1, 24 * 3600 + k)[0]).ToList();
        Assert.Equal(7, firsts[0]);
        var randomFirsts = Enumerable.Range(0, 5).Select(k => Slate(core, 0, 24 * 3600 + k)[0]).ToList();
        Assert.True(randomFirsts.Count(f => f == 7) <= 1, $"the personalised (random) user's first slots: {string.Join(",", randomFirsts)}");
    }

    [Fact]
    public void Should_KeepNoProfile_When_AnAccountSwitchedPersonalisationOff()
    {
        var core = CoreWithOptOut(FeedPolicyKind.Ranked, 60);
        var before = (core.TopicAffinity(0, 2), core.TopicAffinity(1, 2));

        // Both users finish and like ten videos of topic 2 (ids 2, 7, 12, ... have topic v % 5 = 2)
        for (var i = 0; i < 10; i++)
        {
            var video = 2 + (5 * i);
            core.Record(new ImpressionFeedback(0, video, 100 + i, 20, Reactions.Finished | Reactions.Liked));
            core.Record(new ImpressionFeedback(1, video, 100 + i, 20, Reactions.Finished | Reactions.Liked));
        }

        // The profiled user's topic signal moved; the opted-out user's did not, and only the
        // profiled user's impressions became training rows
        Assert.NotEqual(before.Item1, core.TopicAffinity(0, 2));
        Assert.Equal(before.Item2, core.TopicAffinity(1, 2));
        Assert.Equal(20, core.ImpressionsLogged);
        Assert.Equal(10, core.TrainingRowsLogged);
    }

    [Theory]
    [InlineData(FeedPolicyKind.Random)]
    [InlineData(FeedPolicyKind.Popularity)]
    [InlineData(FeedPolicyKind.Ranked)]
    [InlineData(FeedPolicyKind.Chronological)]
    public void Should_NotRepeatAVideo_When_ItIsStillInServedMemory(FeedPolicyKind policy)
    {
        var core = Core(policy, 40);
        var seen = new HashSet<int>();
        // Two slates of 8 fit in a memory of 16: no repeats across them.
        foreach (var id in Slate(core, 0, 100).Concat(Slate(core, 0, 200)))
        {
            Assert.True(seen.Add(id), $"video {id} served twice");
        }
    }

    [Fact]
    public void Should_PreferSharedVideos_When_ShareWeightIsRaised()
    {
        // Given one video that is liked a lot and one that is shared a little
        static int Top(ValueWeights w)
        {
            var core = Core(FeedPolicyKind.Popularity, 20, w);
            for (var i = 0; i < 10; i++)
            {
                core.Record(new ImpressionFeedback(0, 4, 10, 10, Reactions.Liked));
            }

            for (var i = 0; i < 3; i++)
            {
                core.Record(new ImpressionFeedback(0, 6, 10, 10, Reactions.Shared));
            }

            core.Advance(3600);
            return Slate(core, 2, 3600)[0];
        }

        // Then default weights favour the liked one, and share × 9 favours the shared one
        Assert.Equal(4, Top(new ValueWeights()));
        Assert.Equal(6, Top(new ValueWeights { Share = 27 }));
    }

    [Fact]
    public void Should_ExposeFreshUploads_When_FreshShareIsPositive()
    {
        // Given an old catalogue with feedback and one new upload with none
        var core = Core(FeedPolicyKind.Popularity, 30, freshShare: 0.5);
        for (var v = 0; v < 30; v++)
        {
            core.Record(new ImpressionFeedback(0, v, 10, 30, Reactions.Finished));
        }

        core.RegisterVideo(new VideoMetadata(30, 0, 0, 0, 15, 7200, "US"));
        core.Advance(8 * 3600);

        // When many feeds are served
        var shown = Enumerable.Range(0, 4).SelectMany(u => Slate(core, u, 8 * 3600 + u)).Count(v => v == 30);

        // Then the new video is shown despite having no engagement
        Assert.True(shown > 0);
    }

    [Fact]
    public void Should_ReturnSameSlates_When_ReplayedWithSameSeed()
    {
        var a = Core(FeedPolicyKind.Random, 100);
        var b = Core(FeedPolicyKind.Random, 100);
        Assert.Equal(Slate(a, 3, 999), Slate(b, 3, 999));
    }
}
