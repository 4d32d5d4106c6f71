using Simulator.Scenarios.Calibration;
using Simulator.Scenarios.Loading;

namespace Simulator.Cli.Tests;

public sealed class CalibrateFitCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sim-fit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);


    private async Task<(int Code, string Err, string Profile)> Fit(string name, string threads)
    {
        var file = Path.Combine(_dir, "tiny.yaml");
        File.WriteAllText(file, "name: tiny\nseed: 4\nduration: { days: 2, warmup_days: 1 }\npopulation: { size: 300 }\ncontent: { catalogue_min_users: 0 }\n");
        var profile = Path.Combine(_dir, name, "profile.yaml");
        var (code, _, err) = await CliRun.Run("calibrate", file, "--fit", "--scale", "1", "--budget", "5", "--threads", threads,
            "--profile", profile, "--fit-report", Path.Combine(_dir, name, "fit.md"), "--out", Path.Combine(_dir, name, "res"));
        return (code, err, profile);
    }

    [Fact]
    public async Task Should_WriteAProfileScenariosCanInherit_When_FitRuns()
    {
        // Given a tiny scenario, when calibrate --fit runs with a budget of five evaluations
        var (code, err, profile) = await Fit("a", "2");

        // Then it reports progress with the best loss, writes a loadable profile and the fit report, and leaves no journal
        Assert.Equal(0, code);
        Assert.Contains("fit 5/5 · loss", err, StringComparison.Ordinal);
        Assert.Contains(" · best ", err, StringComparison.Ordinal);
        var fitted = ProfileLoader.Load(profile);
        Assert.Equal(FitParameterSet.Parameters.Count, fitted.Values.Count);
        Assert.Contains(fitted.Provenance, p => p.Key == "budget" && p.Value == "5");
        var report = File.ReadAllText(Path.Combine(_dir, "a", "fit.md"));
        Assert.Contains("## Sensitivity at the fitted point", report, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "a", "res"), ".fit-*"));

        // And a scenario naming the profile takes its values as defaults
        var scenario = Path.Combine(_dir, "a", "uses.yaml");
        File.WriteAllText(scenario, "calibration: profile.yaml\n");
        var clustering = fitted.Values.Single(v => v.Key == "behaviour.return.clustering").Value;
        Assert.Equal(clustering, ScenarioLoader.Load(scenario).Scenario.Behaviour.Return.Clustering);
    }

    [Fact]
    public async Task Should_FindTheSameValues_When_FitRunsOnOneOrTwoThreads()
    {
        var one = await Fit("one", "1");
        var two = await Fit("two", "2");
        Assert.Equal((0, 0), (one.Code, two.Code));
        Assert.Equal(ProfileLoader.Load(one.Profile).Values, ProfileLoader.Load(two.Profile).Values);
    }

    [Theory]
    [InlineData("--budget", "0")]
    [InlineData("--batch", "0")]
    [InlineData("--scale", "-1")]
    public async Task Should_ExitTwo_When_FitArgumentsAreBad(string option, string value)
    {
        var (code, _, err) = await CliRun.Run("calibrate", "scenarios/baseline.yaml", "--fit", option, value);
        Assert.Equal(2, code);
        Assert.Contains("error:", err, StringComparison.Ordinal);
    }
}
