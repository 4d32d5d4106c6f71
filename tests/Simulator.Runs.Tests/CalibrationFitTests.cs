using Simulator.Reporting.Calibration;
using Simulator.Runs.Fitting;
using Simulator.Scenarios.Calibration;
using Simulator.Scenarios.Loading;

namespace Simulator.Runs.Tests;

public sealed class CalibrationFitTests
{
    private static readonly FitParameter[] Toy =
    [
        new("a", 0, 1, false, "toy a"),
        new("b", 0, 1, false, "toy b"),
        new("c", 0.1, 10, true, "toy c"),
    ];

    // Toy metrics: an invertible map of the parameters with a little deterministic "noise".
    private static Dictionary<string, double> ToyMetrics(IReadOnlyList<double> p)
    {
        var v = p.ToArray();
        var noise = 0.002 * Math.Sin(1e3 * (v[0] + 2 * v[1] + 3 * v[2]));
        return new() { ["m1"] = v[0] + 0.5 * v[1] + noise, ["m2"] = v[1] - 0.3 * v[0], ["m3"] = Math.Log(v[2]) };
    }

    private static readonly double[] Truth = [0.3, 0.6, 2.0];
    private static readonly string[] TruthMetrics = ["engagement.completion_15s", "engagement.completion_30s", "stickiness.sessions_per_dau"];

    private static FitTarget Band(string metric, double centre, double halfWidth) =>
        new(new CalibrationTarget(metric, centre - halfWidth, centre + halfWidth, "synthetic truth"), 1.0);

    private static FitSettings ToySettings(int budget = 30) => new()
    {
        Seed = 11,
        Budget = budget,
        Parameters = Toy,
        Start = [0.9, 0.1, 0.2],
        Targets = [.. ToyMetrics(Truth).Select(m => Band(m.Key, m.Value, 0.05))],
    };

    private sealed class ToyEvaluator(int failAfter = int.MaxValue) : IFitEvaluator
    {
        public int Calls { get; private set; }

        public IReadOnlyList<IReadOnlyDictionary<string, double>> Evaluate(IReadOnlyList<IReadOnlyList<double>> points, CancellationToken cancellationToken)
        {
            if (Calls + points.Count > failAfter)
            {
                throw new OperationCanceledException();
            }

            Calls += points.Count;
            return [.. points.Select(p => (IReadOnlyDictionary<string, double>)ToyMetrics(p))];
        }
    }

    [Fact]
    public void Should_RecoverTheParameters_When_TargetsComeFromKnownValues()
    {
        // Given targets computed from known parameter values, when the fit starts far from them
        var outcome = CalibrationFit.Run(ToySettings(), new ToyEvaluator());

        // Then the fitted point is close to the truth and far better than the start
        Assert.InRange(outcome.Best.Values[0], 0.25, 0.35);
        Assert.InRange(outcome.Best.Values[1], 0.55, 0.65);
        Assert.InRange(outcome.Best.Values[2], 1.8, 2.2);
        Assert.True(outcome.Best.Loss < 0.2 * outcome.Evaluations[0].Loss);
        Assert.Equal(30, outcome.Evaluations.Count);
    }

    [Fact]
    public void Should_GiveTheSameFit_When_RunTwiceWithTheSameSeedAndBudget()
    {
        var first = CalibrationFit.Run(ToySettings(), new ToyEvaluator());
        var second = CalibrationFit.Run(ToySettings(), new ToyEvaluator());
        Assert.Equal(first.Evaluations.Select(e => e.Values.ToArray()), second.Evaluations.Select(e => e.Values.ToArray()));
        Assert.Equal(first.BestIndex, second.BestIndex);
        Assert.Equal(first.Sensitivity.SelectMany(r => r), second.Sensitivity.SelectMany(r => r));
    }

    [Fact]
    public void Should_ContinueExactlyWhereItStopped_When_ResumedFromItsJournal()
    {
        // Given a fit stopped after 17 evaluations (mid-way through the surrogate's proposals)
        var path = Path.Combine(Path.GetTempPath(), $"fit-journal-{Guid.NewGuid():N}.jsonl");
        try
        {
            var uninterrupted = CalibrationFit.Run(ToySettings(), new ToyEvaluator());
            Assert.Throws<OperationCanceledException>(() => CalibrationFit.Run(ToySettings(), new ToyEvaluator(failAfter: 17), FitJournal.Open(path, "k"), "k"));
            var journal = FitJournal.Open(path, "k");
            Assert.Equal(17, journal.Count);

            // When it is run again on the same journal
            var resumedEvaluator = new ToyEvaluator();
            var resumed = CalibrationFit.Run(ToySettings(), resumedEvaluator, journal, "k");

            // Then it simulates only what was missing and ends on the same fit
            Assert.Equal(30 - 17, resumedEvaluator.Calls);
            Assert.Equal(uninterrupted.Evaluations.Select(e => e.Values.ToArray()), resumed.Evaluations.Select(e => e.Values.ToArray()));
            Assert.Equal(uninterrupted.BestIndex, resumed.BestIndex);

            // And a journal for other settings is started afresh
            Assert.Equal(0, FitJournal.Open(path, "other").Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_KeepEarlierEvaluations_When_TheLastJournalLineIsCutShort()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fit-journal-{Guid.NewGuid():N}.jsonl");
        try
        {
            CalibrationFit.Run(ToySettings(budget: 6), new ToyEvaluator(), FitJournal.Open(path, "k"), "k");
            var text = File.ReadAllText(path);
            File.WriteAllText(path, text[..^20]); // a kill in the middle of the last line
            Assert.Equal(5, FitJournal.Open(path, "k").Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Should_RecoverKnownParameters_When_FittingToAWorldSimulatedWithThem()
    {
        // Given a small ranked world simulated at known completion and clustering parameters (both
        // pinned down by a few hundred users over three days: completion by length and sessions per DAU)
        var doc = ScenarioLoader.Parse("truth.yaml", """
            name: truth
            seed: 5
            duration: { days: 3, warmup_days: 2 }
            population: { size: 400 }
            content: { catalogue_min_users: 0 }
            recommender: { policy: ranked, trees: 4 }
            """);
        FitParameter[] parameters = [FitParameterSet.Find("behaviour.completion_intercept")!, FitParameterSet.Find("behaviour.return.clustering")!];
        double[] truth = [7.4, 0.7];
        var options = new RunOptions { Threads = 2, Replications = 1 };
        var evaluator = new ScenarioEvaluator(doc, options, parameters);
        var observed = evaluator.Evaluate([truth], CancellationToken.None)[0];

        // When the fit starts elsewhere with bands of ± 5 % around what that world produced
        var settings = new FitSettings
        {
            Seed = 3,
            Budget = 14,
            Parameters = parameters,
            Start = [6.0, 0.4],
            Targets = [.. TruthMetrics.Select(m => Band(m, observed[m], 0.05 * observed[m]))],
        };
        var outcome = CalibrationFit.Run(settings, evaluator);

        // Then it finds the values back, each within a tenth of its box
        Assert.InRange(outcome.Best.Values[0], 7.1, 7.7);
        Assert.InRange(outcome.Best.Values[1], 0.645, 0.755);
    }
}
