using System.Globalization;
using Simulator.Scenarios.Calibration;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Model;

namespace Simulator.Scenarios.Tests;

public sealed class CalibrationProfileTests
{
    private static string Profile(string values, string set = FitParameterSet.Name) => $"""
        parameter_set: {set}
        fitted:
          seed: "3"
        values:
        {values}
        """;

    private static string WithTemp(string profile, Func<string, string, ScenarioDocument> act, string scenarioText)
    {
        var dir = Directory.CreateTempSubdirectory("profile-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "p.yaml"), profile);
            var scenario = Path.Combine(dir.FullName, "s.yaml");
            File.WriteAllText(scenario, scenarioText);
            return act(scenario, dir.FullName).Scenario.Behaviour.Return.Clustering.ToString(CultureInfo.InvariantCulture);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Should_CoverEveryFittedParameterOnce_When_ReadingTheBuiltInProfile()
    {
        // Given the committed profile compiled into the binary
        var profile = ProfileLoader.Default;

        // Then it is for this parameter set and holds each parameter exactly once, inside its box
        Assert.Equal(FitParameterSet.Name, profile.ParameterSet);
        Assert.Equal(FitParameterSet.Parameters.Select(p => p.Path), profile.Values.Select(v => v.Key));
        Assert.All(profile.Values, v => Assert.True(FitParameterSet.Find(v.Key)!.Contains(v.Value)));
    }

    [Fact]
    public void Should_MatchTheCommittedFile_When_EmbeddingTheDefaultProfile()
    {
        var committed = File.ReadAllText(Path.Combine(RepoRoot(), "scenarios", "calibration", "default.yaml"));
        Assert.Equal(committed, ProfileLoader.DefaultText);
    }

    [Fact]
    public void Should_KeepEveryBoxInsideTheKeysOwnRange_When_DefiningTheParameterSet()
    {
        foreach (var p in FitParameterSet.Parameters)
        {
            // Given a scenario at each end of the box, when it is bound, then it is valid and holds the value
            foreach (var end in new[] { p.Low, p.High })
            {
                var doc = ScenarioLoader.Parse("s.yaml", "calibration: none\n");
                var scenario = ScenarioLoader.WithValues(doc, [new(p.Path, end)]);
                Assert.Equal(end, ScenarioValues.At(scenario, p.Path), 12);
            }

            Assert.True(p.Low < p.High);
            Assert.True(!p.Log || p.Low > 0);
            Assert.Equal(0.3, p.ToUnit(p.FromUnit(0.3)), 12);
        }
    }

    [Fact]
    public void Should_InheritProfileValues_When_ScenarioDoesNotSetThem()
    {
        // Given a profile that sets clustering to 0.7 and a scenario that names it
        var profile = Profile("  behaviour.return.clustering: { value: 0.7, box: [0.3, 0.85] }");

        // When the scenario does not set the key, it inherits it; when it does, its own value wins
        Assert.Equal("0.7", WithTemp(profile, (s, _) => ScenarioLoader.Load(s), "calibration: p.yaml\n"));
        Assert.Equal("0.5", WithTemp(profile, (s, _) => ScenarioLoader.Load(s), "calibration: p.yaml\nbehaviour: { return: { clustering: 0.5 } }\n"));
    }

    [Fact]
    public void Should_UseCodeDefaults_When_CalibrationIsNone()
    {
        var doc = ScenarioLoader.Parse("s.yaml", "calibration: none\n");
        Assert.Null(doc.Profile);
        Assert.Equal(new Scenario().Behaviour, doc.Scenario.Behaviour);
    }

    [Fact]
    public void Should_LetFitValuesWin_When_EvaluatingAPoint()
    {
        // Given a scenario that sets clustering itself, when a fit point sets it, the point's value is used
        var doc = ScenarioLoader.Parse("s.yaml", "behaviour: { return: { clustering: 0.5 } }\n");
        var scenario = ScenarioLoader.WithValues(doc, [new("behaviour.return.clustering", 0.8)]);
        Assert.Equal(0.8, scenario.Behaviour.Return.Clustering);
        Assert.Equal(0.5, doc.Scenario.Behaviour.Return.Clustering);
    }

    [Theory]
    [InlineData("  behaviour.return.clusterin: 0.6", 5, 3, "did you mean 'behaviour.return.clustering'")]
    [InlineData("  behaviour.return.clustering: { value: 0.95 }", 5, 41, "outside the fitted box [0.3, 0.85]")]
    [InlineData("  behaviour.return.clustering: { value: 0.6, box: [0.1, 0.9] }", 5, 51, "fitted in another box")]
    [InlineData("  behaviour.return.clustering: { value: high }", 5, 41, "expected a number")]
    public void Should_ReportFileLineAndColumn_When_ProfileValueIsBad(string values, int line, int column, string message)
    {
        var ex = Assert.Throws<ScenarioValidationException>(() => ProfileLoader.Parse("p.yaml", Profile(values)));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("p.yaml", line, column), (error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_RefuseProfile_When_FittedForAnotherParameterSet()
    {
        var ex = Assert.Throws<ScenarioValidationException>(() => ProfileLoader.Parse("p.yaml", Profile("  behaviour.return.clustering: 0.6", "behaviour-v0")));
        var error = Assert.Single(ex.Errors);
        Assert.Equal((1, 16), (error.Line, error.Column));
        Assert.Contains("parameter set 'behaviour-v0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ReportTheProfilesOwnPosition_When_AScenarioInheritsABrokenProfile()
    {
        // Given a scenario naming a profile with an unknown key, when it is loaded, the error is at the profile's line
        var ex = Assert.Throws<ScenarioValidationException>(() =>
            WithTemp(Profile("  behaviour.nope: 1"), (s, _) => ScenarioLoader.Load(s), "calibration: p.yaml\n"));
        var error = Assert.Single(ex.Errors);
        Assert.EndsWith("p.yaml", error.File, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Should_ReportTheKey_When_TheProfileFileIsMissing()
    {
        var ex = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("s.yaml", "seed: 3\ncalibration: nowhere.yaml\n"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("calibration", 2, 14), (error.KeyPath, error.Line, error.Column));
    }

    [Fact]
    public void Should_RefuseAVariantsOwnProfile_When_Comparing()
    {
        var ex = Assert.Throws<ScenarioValidationException>(() => ScenarioLoader.Parse("s.yaml", "variants:\n  other: { calibration: none }\n"));
        Assert.Contains(ex.Errors, e => e.KeyPath == "variants.other.calibration");
    }

    [Fact]
    public void Should_ReadBackWhatItWrote_When_WritingAProfile()
    {
        // Given fitted values, when written and read back, the values (to four figures) and provenance survive
        var values = FitParameterSet.Parameters.Select((p, i) => new ProfileValue(p, p.FromUnit(0.1 * i + 0.03), i == 0 ? "stickiness.dau_mau" : "")).ToList();
        var text = ProfileWriter.Write(values, [new("seed", "42"), new("command", "simulator \"calibrate\" --fit")]);
        var read = ProfileLoader.Parse("p.yaml", text);
        Assert.Equal(values.Select(v => double.Parse(v.Value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)), read.Values.Select(v => v.Value));
        Assert.Equal("simulator \"calibrate\" --fit", read.Provenance.Single(p => p.Key == "command").Value);
    }

    [Fact]
    public void Should_DocumentEveryFittedParameterWithItsBox_When_ReadingTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md"));
        foreach (var p in FitParameterSet.Parameters)
        {
            var box = string.Create(CultureInfo.InvariantCulture, $"| `{p.Path}` | {p.Low}–{p.High}{(p.Log ? " (log)" : "")} |");
            Assert.Contains(box, readme, StringComparison.Ordinal);
        }
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
