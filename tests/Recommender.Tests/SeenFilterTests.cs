using Recommender.State;

namespace Recommender.Tests;

public sealed class SeenFilterTests
{
    [Fact]
    public void Should_RememberAtLeastTheLastCapacity_When_VideosKeepComing()
    {
        // Given a long memory of 64 videos per generation for three users
        var filter = new SeenFilter(64, 3, seed: 7);

        // When user 1 is served 1,000 videos in turn
        for (var v = 0; v < 1_000; v++)
        {
            filter.Add(1, v * 7919);

            // Then the last 64 are always remembered (a Bloom filter has no false negatives)
            for (var back = 0; back < Math.Min(64, v + 1); back++)
            {
                Assert.True(filter.Contains(1, (v - back) * 7919), $"video {v - back} forgotten after {v}");
            }
        }

        // And the other users remember nothing
        Assert.False(filter.Contains(0, 999 * 7919));
        Assert.False(filter.Contains(2, 999 * 7919));
    }

    [Fact]
    public void Should_ForgetOldGenerations_When_TwiceTheCapacityIsServedAfter()
    {
        // Given a user served videos 0–63, then 128 newer ones (two generations' worth)
        var filter = new SeenFilter(64, 1, seed: 11);
        for (var v = 0; v < 64 + 128; v++)
        {
            filter.Add(0, v);
        }

        // When the first 64 are asked about
        var remembered = Enumerable.Range(0, 64).Count(v => filter.Contains(0, v));

        // Then they are forgotten, apart from false positives (a few per cent)
        Assert.True(remembered <= 8, $"{remembered} of 64 old videos still reported as seen");
    }

    [Fact]
    public void Should_WronglyReportFewUnseenVideos_When_AGenerationIsFull()
    {
        // Given a full generation of 512 videos and a full previous one
        var filter = new SeenFilter(512, 1, seed: 3);
        for (var v = 0; v < 1_024; v++)
        {
            filter.Add(0, v);
        }

        // When 20,000 videos never served are asked about
        var wrong = Enumerable.Range(1_000_000, 20_000).Count(v => filter.Contains(0, v));

        // Then about 3 % per generation are false positives (≈ (1 − e^(−3/8))³ each), under 8 % in all
        var rate = wrong / 20_000.0;
        Assert.InRange(rate, 0.02, 0.08);
    }

    [Fact]
    public void Should_RememberBeyondTheRing_When_TheLongMemoryIsOn()
    {
        // Given a ring of 8 with a long memory of 64, and a ring of 8 alone
        var withMemory = new ServedHistory(8, 1, seenCapacity: 64, seed: 5);
        var ringOnly = new ServedHistory(8, 1);

        // When 40 videos are served
        for (var v = 0; v < 40; v++)
        {
            withMemory.Add(0, v);
            ringOnly.Add(0, v);
        }

        // Then video 0, long out of the ring, is still known to the long memory only
        Assert.True(withMemory.Contains(0, 0));
        Assert.True(withMemory.SeenBefore(0, 0));
        Assert.False(ringOnly.Contains(0, 0));
        Assert.True(ringOnly.Contains(0, 39));

        // And clearing forgets both
        withMemory.Clear();
        Assert.False(withMemory.Contains(0, 0));
        Assert.False(withMemory.Contains(0, 39));
    }

    [Fact]
    public void Should_RememberNewUsers_When_TheTableGrows()
    {
        // Given a filter for one user that grows to 100
        var filter = new SeenFilter(32, 1, seed: 1);
        filter.Add(0, 5);
        filter.EnsureUsers(100);

        // When user 99 is served a video
        filter.Add(99, 6);

        // Then both users remember their own video and not the other's
        Assert.True(filter.Contains(0, 5));
        Assert.True(filter.Contains(99, 6));
        Assert.False(filter.Contains(99, 5));
        Assert.False(filter.Contains(0, 6));
    }
}
