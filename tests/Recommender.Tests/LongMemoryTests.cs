using Recommender.Abstractions;

namespace Recommender.Tests;

public sealed class LongMemoryTests
{
    private const int Videos = 2_000;

    private static RecommenderCore Core(FeedPolicyKind policy, int seenMemory)
    {
        var core = new RecommenderCore(new RecommenderOptions
        {
            Policy = policy,
            Trees = 10,
            ServedMemory = 32,
            SeenMemory = seenMemory,
        }, seed: 9, 4, Videos, topics: 5);
        for (var u = 0; u < 4; u++)
        {
            core.RegisterUser(new UserAccount(u, "US", "en", DeviceKind.Ios, false));
        }

        for (var v = 0; v < Videos; v++)
        {
            core.RegisterVideo(new VideoMetadata(v, v % 40, v % 5, v, 15 + (v % 30), -86_400, "US"));
        }

        core.Advance(0);
        return core;
    }

    // Serves user 0 `slates` slates of 8 and counts slots that repeat a video served before.
    private static int Repeats(RecommenderCore core, int slates)
    {
        var slate = new int[8];
        var contexts = new ServeContext[8];
        var seen = new HashSet<int>();
        var repeats = 0;
        for (var r = 0; r < slates; r++)
        {
            var n = core.Recommend(new RecommendationRequest(0, 3_600 + (r * 60), 20, r * 8), slate, contexts);
            for (var i = 0; i < n; i++)
            {
                repeats += seen.Add(slate[i]) ? 0 : 1;
            }
        }

        return repeats;
    }

    [Theory]
    [InlineData(FeedPolicyKind.Ranked)]
    [InlineData(FeedPolicyKind.Popularity)]
    public void Should_NotServeAVideoAgain_When_TheRingHasForgottenItButTheLongMemoryHasNot(FeedPolicyKind policy)
    {
        // Given a platform with a 32-video ring, once with a long memory of 256 videos per
        // generation and once with the ring alone, and a catalogue of 2,000 videos
        var remembering = Core(policy, seenMemory: 256);
        var forgetting = Core(policy, seenMemory: 0);

        // When one user is served 50 slates (400 slots, far past the ring)
        var withMemory = Repeats(remembering, 50);
        var ringOnly = Repeats(forgetting, 50);

        // Then the ring alone serves videos again once it forgets them, and the long memory does not
        Assert.True(ringOnly > 0, $"the ring alone repeated {ringOnly} slots");
        Assert.Equal(0, withMemory);
    }
}
