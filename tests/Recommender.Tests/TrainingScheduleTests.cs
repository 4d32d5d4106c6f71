using Recommender.Abstractions;
using Recommender.Ranking;

namespace Recommender.Tests;

/// <summary>Training sized to the traffic: a sampled log that holds the training window, and refits that wait for new rows.</summary>
public sealed class TrainingScheduleTests
{
    private static void Offer(TrainingLog log, int count, long second, ref int kept)
    {
        for (var i = 0; i < count; i++)
        {
            if (log.Admit())
            {
                log.NextFeatures()[0] = i;
                log.Commit(i % 50, second, 10, 20, Reactions.None, 1, i % 40);
                kept++;
            }
        }
    }

    [Fact]
    public void Should_KeepAUniformSampleThatFillsNineTenthsOfTheLog_When_TheWindowHoldsMoreTrafficThanTheLog()
    {
        // Given a 10,000-row log and 40,000 impressions offered over the first day
        var log = new TrainingLog(10_000, seed: 5);
        log.Resample(0, 86_400);
        var kept = 0;
        Offer(log, 40_000, 3600, ref kept);
        Assert.Equal(40_000, kept);

        // When the rate is set for a one-day window and another day of the same traffic arrives
        log.Resample(86_400, 86_400);
        kept = 0;
        Offer(log, 40_000, 90_000, ref kept);

        // Then nine tenths of the log's rows are kept per window, within sampling noise (σ ≈ 82 rows)
        Assert.Equal(9_000 / 40_000.0, log.Rate, 12);
        Assert.InRange(kept, 9_000 - 400, 9_000 + 400);
        Assert.Equal(80_000, log.Offered);
    }

    [Fact]
    public void Should_KeepEveryImpression_When_TheWindowFitsTheLog()
    {
        var log = new TrainingLog(10_000, seed: 5);
        log.Resample(0, 86_400);
        var kept = 0;
        Offer(log, 8_000, 3600, ref kept);
        log.Resample(86_400, 86_400);
        Offer(log, 8_000, 90_000, ref kept);
        Assert.Equal(1.0, log.Rate);
        Assert.Equal(16_000, kept);
    }

    [Fact]
    public void Should_FindTheFirstRowOfAWindow_When_TheRingHasWrapped()
    {
        // Given 300 rows, one per 10 s, in a 100-row ring
        var log = new TrainingLog(100);
        for (var i = 0; i < 300; i++)
        {
            log.Commit(0, i * 10L, 1, 1, Reactions.None, 1, 0);
        }

        // Then a window start inside the held rows finds its row; older starts give the oldest held row
        Assert.Equal(250, log.FirstAtOrAfter(2_495));
        Assert.Equal(250, log.FirstAtOrAfter(2_500));
        Assert.Equal(200, log.FirstAtOrAfter(0));
        Assert.Equal(300, log.FirstAtOrAfter(10_000));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(20_000, 1)]
    public void Should_RetrainOnlyWithEnoughNewRows_When_ASmallWorldLogsLittle(int minNewRows, int expectedTrainings)
    {
        // Given a ranked platform of 50 users who make 3,000 impressions a day, retrained daily
        var core = new RecommenderCore(new RecommenderOptions { RetrainMinNewRows = minNewRows, Trees = 4 }, seed: 2, 50, 100);
        for (var u = 0; u < 50; u++)
        {
            core.RegisterUser(new UserAccount(u, "US", "en", DeviceKind.Ios, false));
        }

        for (var v = 0; v < 100; v++)
        {
            core.RegisterVideo(new VideoMetadata(v, v % 10, v % 4, v, 20, -86_400, "US"));
        }

        core.Advance(0);

        // When three days of impressions are logged and each day's retraining comes due
        for (var day = 0; day < 3; day++)
        {
            for (var i = 0; i < 3_000; i++)
            {
                var u = i % 50;
                var v = (i * 7 + day) % 100;
                var r = (u + v) % 3 == 0 ? Reactions.Finished | Reactions.Liked : Reactions.None;
                core.Record(new ImpressionFeedback(u, v, (day * 86_400L) + 1 + i, (r & Reactions.Finished) != 0 ? 20 : 3, r));
            }

            core.Advance((day + 1) * 86_400L);
        }

        // Then the first model comes as soon as there are rows; later ones only once 20,000 new rows
        // were logged (never, in 6,000) unless the wait is switched off
        Assert.Equal(expectedTrainings, core.Trainings);

        // And the model in service is evaluated on every schedule either way, each time on that
        // day's held-out rows only
        Assert.Equal([3_000, 3_000], core.Evaluations.Select(e => e.Rows));
    }
}
