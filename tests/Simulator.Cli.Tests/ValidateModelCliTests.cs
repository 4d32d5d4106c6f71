namespace Simulator.Cli.Tests;

public sealed class ValidateModelCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sim-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);



    [Fact]
    public async Task Should_WriteTheValidationTable_When_ValidatingOneOutcomeOnATinyWorld()
    {
        // Given one mimicked outcome and one that nothing mimics, on 100-user worlds (without the
        // catalogue floor, which would give each the 200 creators of 10,000 users: this test is
        // about the table, not the world)
        var report = Path.Combine(_dir, "validation.md");
        var scenarios = Directory.CreateDirectory(Path.Combine(_dir, "scenarios")).FullName;
        foreach (var file in Directory.GetFiles(CliRun.RepoPath("scenarios", "validation"), "*.yaml"))
        {
            File.WriteAllText(Path.Combine(scenarios, Path.GetFileName(file)), File.ReadAllText(file) + "\ncontent: { catalogue_min_users: 0 }\n");
        }

        var (code, output, _) = await CliRun.Run("validate-model", "--only", "small-ranking-change", "retention-ranker", "--scenarios", scenarios,
            "--scale", "0.02", "--replications", "2", "--threads", "2", "--quiet", "--report", report, "--out", _dir);

        // Then the report holds both rows, the simulated one with its interval and a verdict
        Assert.Equal(0, code);
        Assert.Contains("directions right:", output, StringComparison.Ordinal);
        var text = File.ReadAllText(report);
        Assert.Matches(@"\| `small-ranking-change` \| ≈ 0 \(within ± 1 %\) \| A \| `stickiness.minutes_per_user` \| [+-]?\d+\.\d\d % \[", text);
        Assert.Contains("| `retention-ranker` | +0.1 % | A | `stickiness.dau_mau` | not simulated |", text, StringComparison.Ordinal);
        Assert.False(File.Exists(report + ".tmp"));
    }

    [Fact]
    public async Task Should_ExitTwo_When_AnOutcomeIsUnknown()
    {
        var (code, _, err) = await CliRun.Run("validate-model", "--only", "no-such-outcome", "--scenarios", CliRun.RepoPath("scenarios", "validation"));
        Assert.Equal(2, code);
        Assert.Contains("unknown outcome(s) no-such-outcome", err, StringComparison.Ordinal);
    }
}
