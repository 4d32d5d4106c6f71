using Recommender.Policies;
using Recommender.Ranking;

namespace Recommender.Tests;

public sealed class StageProfileTests
{
    [Fact]
    public void Should_SumEveryThreadsTime_When_StagesAreTimedOnManyThreads()
    {
        var profile = new StageProfile { Clock = new Diagnostics.ProfileClock(System.Diagnostics.Stopwatch.GetTimestamp, System.Diagnostics.Stopwatch.Frequency) };
        // More threads than the profile has lines: some share one, and every add still counts.
        const int threads = 80;
        const int adds = 1000;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = 0; i < adds; i++)
            {
                profile.Add(t % StageProfile.Names.Length, 3);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        for (var stage = 0; stage < StageProfile.Names.Length; stage++)
        {
            var expected = threads / StageProfile.Names.Length * adds * 3L;
            Assert.Equal(expected / (double)System.Diagnostics.Stopwatch.Frequency, profile.Seconds(stage), 12);
        }

        // Lap adds the time since the start it is given
        var started = profile.Now();
        var now = profile.Lap(0, started);
        Assert.True(now >= started);
    }

    [Fact]
    public void Should_RunTheWorkAlongsideOnce_When_TheLogIsTooShortToFit()
    {
        var trainer = new RankingTrainer(new RecommenderOptions(), 3);
        var calls = 0;

        var model = trainer.Train(new TrainingLog(1000), 0, alongside: () => calls++);

        Assert.Null(model);
        Assert.Equal(1, calls);
    }
}
