using Simulator.Reporting.Calibration;
using Simulator.Reporting.Statistics;
using Simulator.Reporting.Validation;
using Simulator.Runs.Fitting;
using Simulator.Scenarios.Calibration;

namespace Simulator.Runs.Tests;

public sealed class ReportGoldenTests
{
    private static readonly FitParameter[] Toy = [new("a", 0, 1, false, "toy a"), new("c", 0.1, 10, true, "toy c")];

    private sealed class ToyEvaluator : IFitEvaluator
    {
        public IReadOnlyList<IReadOnlyDictionary<string, double>> Evaluate(IReadOnlyList<IReadOnlyList<double>> points, CancellationToken cancellationToken) =>
            [.. points.Select(p => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["m1"] = p[0] * p[0] + 0.1 * Math.Log(p[1]), ["m2"] = Math.Log(p[1]) })];
    }

    [Fact]
    public void Should_WriteTheGoldenFitReport_When_AFitCompletes()
    {
        // Given a small deterministic fit
        var settings = new FitSettings
        {
            Seed = 2,
            Budget = 10,
            Parameters = Toy,
            Start = [0.8, 5],
            Targets = [new(new CalibrationTarget("m1", 0.1, 0.2, "toy band"), 1), new(new CalibrationTarget("m2", -0.1, 0.1, "toy band"), 0.5)],
        };
        var outcome = CalibrationFit.Run(settings, new ToyEvaluator());

        // When its report is written, then it matches the golden file
        var text = FitReport.Markdown(outcome, ["World: toy."], "simulator calibrate toy.yaml --fit", 90, "profile.yaml");
        GoldenFileTests.MatchText("calibration-fit.md", text);
    }

    [Fact]
    public void Should_WriteTheGoldenValidationReport_When_OutcomesAreJudged()
    {
        // Given every catalogued outcome with a fixed simulated effect (five in the published direction, one against it)
        var effects = new[] { 0.9, 1.02, 0.95, 1.001, 1.03, 1.04 };
        var results = ValidationCatalog.Outcomes.Select((o, i) => new ValidationResult(o, o.Scenario.Length == 0 ? null
            : PairedDifference.Of([10, 11, 12, 13], [10 * effects[i], 11 * effects[i] * 1.001, 12 * effects[i] * 0.999, 13 * effects[i]]))).ToList();

        // When the report is written, then it matches the golden file
        var text = ValidationReport.Markdown(results, ["Toy setting."], "simulator validate-model");
        GoldenFileTests.MatchText("validation.md", text);
    }

    [Theory]
    [InlineData(-1, 0.9, DirectionVerdict.Right)]
    [InlineData(-1, 1.1, DirectionVerdict.Wrong)]
    [InlineData(1, 1.1, DirectionVerdict.Right)]
    [InlineData(1, 0.9, DirectionVerdict.Wrong)]
    [InlineData(0, 1.001, DirectionVerdict.Right)]
    [InlineData(0, 1.05, DirectionVerdict.Wrong)]
    public void Should_JudgeTheDirection_When_TheIntervalIsClear(int direction, double ratio, DirectionVerdict expected)
    {
        var outcome = ValidationCatalog.Outcomes[0] with { Direction = direction };
        var effect = PairedDifference.Of([10, 11, 12, 13], [10 * ratio, 11 * ratio, 12 * ratio, 13 * ratio * 1.0001]);
        Assert.Equal(expected, new ValidationResult(outcome, effect).Verdict);
    }

    [Fact]
    public void Should_BeUndecided_When_TheIntervalStraddlesZero()
    {
        var effect = PairedDifference.Of([10, 11, 12, 13], [10.5, 10.6, 12.4, 12.7]);
        Assert.Equal(DirectionVerdict.Undecided, new ValidationResult(ValidationCatalog.Outcomes[0], effect).Verdict);
        Assert.Equal(DirectionVerdict.NotSimulated, new ValidationResult(ValidationCatalog.Outcomes[0], null).Verdict);
    }

    [Fact]
    public void Should_NameAScenarioWithATreatmentAndAKnownMetric_When_AnOutcomeIsSimulated()
    {
        foreach (var o in ValidationCatalog.Outcomes.Where(o => o.Scenario.Length > 0))
        {
            var doc = Scenarios.Loading.ScenarioLoader.Load(Path.Combine(RepoRoot(), "scenarios", "validation", o.Scenario));
            Assert.Contains(doc.Variants, v => v.Key == o.Variant);
            Assert.Contains(o.Metric, Scenarios.Model.MetricCatalog.Headline);
        }

        Assert.Equal(ValidationCatalog.Outcomes.Count, ValidationCatalog.Outcomes.Select(o => o.Id).Distinct().Count());
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Simulator.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
