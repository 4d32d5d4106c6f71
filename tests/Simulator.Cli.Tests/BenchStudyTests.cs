using System.Text.RegularExpressions;

namespace Simulator.Cli.Tests;

public sealed partial class BenchStudyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sim-bench-study-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Study = """
        name: study
        seed: 4
        replications: 3
        duration: { days: 1, warmup_days: 1 }
        population: { size: 400 }
        content: { catalogue_min_users: 0 }
        recommender: { policy: popularity }
        variants:
          random: { recommender: { policy: random } }
        """;

    [GeneratedRegex(@"\| (baseline|random) \| 3 \| (\d) \| [\d.]+ \| ([\d,]+) \|")]
    private static partial Regex ArmRow();

    [Fact]
    public async Task Should_TimeEveryArmAndSetTheStudyAgainstTheBench_When_AStudyIsGiven()
    {
        // Given a two-arm study of three replications each
        var file = Path.Combine(_dir, "study.yaml");
        File.WriteAllText(file, Study);
        var scratchBefore = Directory.GetDirectories(Path.GetTempPath(), "simulator-bench-study-*").Length;

        // When it is benched on two threads
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["bench", "--study", file, "--threads", "2"], stdout, stderr);

        // Then both arms are timed with their lanes and impressions, and the study is set against the bench
        var output = stdout.ToString();
        Assert.Equal(0, code);
        var arms = ArmRow().Matches(output);
        Assert.Equal(2, arms.Count);
        Assert.All(arms, m => Assert.True(long.Parse(m.Groups[3].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > 0));
        Assert.All(arms, m => Assert.Equal("2", m.Groups[2].Value));
        Assert.Contains("| results, report and plots |", output, StringComparison.Ordinal);
        Assert.Matches(@"Cores busy while simulating: \d+ % of 2 thread\(s\)", output);
        Assert.Contains("**study impressions per second**", output, StringComparison.Ordinal);
        Assert.Contains("| study ÷ bench |", output, StringComparison.Ordinal);
        // And its results went to a scratch folder that is gone again
        Assert.Equal(scratchBefore, Directory.GetDirectories(Path.GetTempPath(), "simulator-bench-study-*").Length);
    }

    [Fact]
    public async Task Should_Refuse_When_StudyIsCombinedWithAScenario()
    {
        // Given a study file
        var file = Path.Combine(_dir, "study.yaml");
        File.WriteAllText(file, Study);

        // When it is asked for together with --scenario
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["bench", "--study", file, "--scenario", file], stdout, stderr);

        // Then it is refused with a reason
        Assert.Equal(2, code);
        Assert.Contains("--study", stderr.ToString(), StringComparison.Ordinal);
    }
}
