using Simulator.Scenarios.Loading;
using Simulator.World.Simulation;

namespace Simulator.Runs.Tests;

/// <summary>The progress sink gets every reported day's totals (the live view's curves), however the arm started.</summary>
public sealed class DayProgressTests
{
    private sealed class Recorder : IRunProgress
    {
        private readonly Lock _gate = new();

        public List<(int Replication, int Day, long Impressions)> Days { get; } = [];

        public void Report(in RunProgress progress)
        {
        }

        public void DayEnded(int replication, in DailyTotals day)
        {
            lock (_gate)
            {
                Days.Add((replication, day.Day, day.Impressions));
            }
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 2)]
    [InlineData(1, 1)]
    [InlineData(1, 2)]
    public void Should_HandEveryReportedDayToTheSink_When_ArmsRunOwnOrForkedOnAnyThreads(int warmupDays, int threads)
    {
        // Given a two-arm study, forked from one burn-in when it has a warm-up
        var doc = ScenarioLoader.Parse("d.yaml", $"name: d\nreplications: 2\nduration: {{ days: 3, warmup_days: {warmupDays} }}\npopulation: {{ size: 300 }}\ncontent: {{ catalogue_min_users: 0 }}\nrecommender: {{ policy: popularity }}\nvariants:\n  r:\n    recommender: {{ policy: random }}\n");
        var recorders = new[] { new Recorder(), new Recorder() };
        var arms = new List<Arm> { new("baseline", doc.Scenario), new("r", doc.Variants.Single().Value) };

        // When it runs
        var results = StudyRunner.Run(arms, new RunOptions { Threads = threads }, a => recorders[arms.IndexOf(a)]);

        // Then each arm's sink got each reported day of each replication once, with the totals the results hold
        for (var a = 0; a < 2; a++)
        {
            var expected = results[a].Replications.SelectMany(r => r.Days.Select(d => (r.Index, d.Day, d.Impressions))).Order().ToList();
            Assert.Equal(6, expected.Count);
            Assert.Equal(expected, recorders[a].Days.Order().ToList());
        }
    }
}
