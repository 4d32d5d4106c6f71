using System.Text.Json.Nodes;
using Simulator.Reporting.Output;
using Simulator.Reporting.Results;
using Simulator.Runs;
using Simulator.Scenarios.Loading;

namespace Simulator.Reporting.Tests;

public sealed class ResultWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sim-results-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static (ScenarioDocument Doc, RunResult Run) TinyRun()
    {
        var doc = ScenarioLoader.Parse("tiny.yaml", "name: tiny\nreplications: 2\nduration: { days: 2 }\npopulation: { size: 300 }\n");
        var run = ScenarioRunner.Run(doc.Scenario, new RunOptions { Threads = 1 });
        return (doc, run);
    }

    private static ManifestInfo Info => new() { Version = "test", StartedUtc = "2026-01-01T00:00:00Z", Command = "test" };

    [Fact]
    public void Should_WriteSummaryDailyAndManifest_When_RunCompletes()
    {
        var (doc, run) = TinyRun();

        var folder = ResultWriter.Write(_root, doc, run, Info);

        Assert.Equal(Path.Combine(_root, "tiny"), folder);
        Assert.Equal(["campaigns.csv", "creators.csv", "daily.csv", "manifest.json", "recommender.csv", "report.html", "scenario.yaml", "segments.csv", "summary.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")))!;
        Assert.True(summary["complete"]!.GetValue<bool>());
        var dau = summary["metrics"]!["stickiness.minutes_per_dau"]!;
        Assert.Equal(2, dau["n"]!.GetValue<int>());
        Assert.True(dau["ci95_low"]!.GetValue<double>() <= dau["mean"]!.GetValue<double>());
        var lines = File.ReadAllLines(Path.Combine(folder, "daily.csv"));
        Assert.StartsWith("replication,day,dau,mau,dau_mau,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 2 * 2, lines.Length);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "plots"), "*.png"));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
        Assert.Equal("complete", manifest["status"]!.GetValue<string>());
        Assert.Equal(doc.Hash, manifest["scenario_sha256"]!.GetValue<string>());
        Assert.Empty(Directory.GetDirectories(_root, ".tmp-*"));
    }

    [Fact]
    public void Should_ReplaceOldResultsWhole_When_RunAgain()
    {
        var (doc, run) = TinyRun();
        var folder = ResultWriter.Write(_root, doc, run, Info);
        File.WriteAllText(Path.Combine(folder, "stale.txt"), "from an older run");

        ResultWriter.Write(_root, doc, run, Info);

        Assert.False(File.Exists(Path.Combine(folder, "stale.txt")));
        Assert.Single(Directory.GetDirectories(_root));
    }

    [Fact]
    public void Should_MarkInterrupted_When_RunIsCancelled()
    {
        var doc = ScenarioLoader.Parse("cut.yaml", "name: cut\nreplications: 3\nduration: { days: 2 }\npopulation: { size: 200 }\n");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var run = ScenarioRunner.Run(doc.Scenario, new RunOptions(), null, cts.Token);

        var folder = ResultWriter.Write(_root, doc, run, Info);

        Assert.False(run.Complete);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
        Assert.Equal("interrupted", manifest["status"]!.GetValue<string>());
    }
}
