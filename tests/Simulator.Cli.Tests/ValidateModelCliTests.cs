namespace Simulator.Cli.Tests;

public sealed class ValidateModelCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sim-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Scenarios()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Simulator.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "scenarios", "validation");
    }

    [Fact]
    public async Task Should_WriteTheValidationTable_When_ValidatingOneOutcomeOnATinyWorld()
    {
        // Given one mimicked outcome and one that nothing mimics, on 100-user worlds
        var report = Path.Combine(_dir, "validation.md");
        var (code, output, _) = await Run("validate-model", "--only", "small-ranking-change", "retention-ranker", "--scenarios", Scenarios(),
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
        var (code, _, err) = await Run("validate-model", "--only", "no-such-outcome", "--scenarios", Scenarios());
        Assert.Equal(2, code);
        Assert.Contains("unknown outcome(s) no-such-outcome", err, StringComparison.Ordinal);
    }
}
