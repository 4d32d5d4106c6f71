using Simulator.Reporting.Compare;
using Simulator.Reporting.Output;
using Simulator.Reporting.Results;
using Simulator.Scenarios.Loading;

namespace Simulator.Runs.Tests;

/// <summary>
/// The result formats pinned by golden files: a small fixed scenario's summary.json, daily.csv,
/// segments.csv and compare.json must match <c>Golden/</c> byte for byte. A deliberate change of
/// format or model regenerates them with <c>UPDATE_GOLDEN=1 dotnet test tests/Simulator.Runs.Tests</c>;
/// the diff then shows what changed.
/// </summary>
public sealed class GoldenFileTests : IDisposable
{
    private const string Scenario = """
        name: golden
        seed: 5
        replications: 2
        duration: { days: 2, warmup_days: 1 }
        population: { size: 400 }
        content: { catalogue_min_users: 0 }
        recommender: { policy: popularity }
        variants:
          chronological: { recommender: { policy: chronological } }
        guardrails:
          - { metric: stickiness.minutes_per_dau, max_drop_pct: 50 }
        """;

    private static readonly ManifestInfo Info = new() { Version = "golden", StartedUtc = "2026-01-01T00:00:00Z", Command = "golden" };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "sim-golden-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Should_WriteTheGoldenResultFiles_When_TheFixedScenarioRuns()
    {
        // Given the fixed scenario, its baseline and its variant run on one thread
        var document = ScenarioLoader.Parse("golden.yaml", Scenario);
        var arms = StudyRunner.Run([new("baseline", document.Scenario), new("chronological", document.Variants[0].Value)], new RunOptions { Threads = 1 });

        // When the run's files and the comparison are written
        var run = ResultWriter.Write(_root, document, arms[0], Info);
        var comparison = Comparison.Of(arms[0], [new KeyValuePair<string, RunResult>("chronological", arms[1])]);
        var compare = CompareWriter.Write(_root, document, comparison, Info, strict: false);

        // Then each file is the golden one, line for line
        Match("summary.json", Path.Combine(run, "summary.json"));
        Match("daily.csv", Path.Combine(run, "daily.csv"));
        Match("segments.csv", Path.Combine(run, "segments.csv"));
        Match("compare.json", Path.Combine(compare, "compare.json"));
    }

    [Fact]
    public void Should_ReportTheFirstDifferingLine_When_AFileDiffers()
    {
        // Given a golden text and an actual one that differ on their third line
        var message = FirstDifference("a\nb\nc\nd\n", "a\nb\nx\nd\n");

        // Then the message names the line and shows both versions
        Assert.Contains("line 3", message, StringComparison.Ordinal);
        Assert.Contains("golden: c", message, StringComparison.Ordinal);
        Assert.Contains("actual: x", message, StringComparison.Ordinal);
        Assert.Null(FirstDifference("same\n", "same\n"));
        Assert.Contains("line 2", FirstDifference("a\nb\n", "a\n")!, StringComparison.Ordinal);
    }

    private static void Match(string golden, string actualPath) => MatchText(golden, File.ReadAllText(actualPath));

    /// <summary>Checks <paramref name="actual"/> against the golden file (or rewrites it with UPDATE_GOLDEN=1).</summary>
    internal static void MatchText(string golden, string actual)
    {
        var goldenPath = Path.Combine(GoldenDirectory(), golden);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, actual);
            return;
        }

        Assert.True(File.Exists(goldenPath), $"no golden file {goldenPath}; run with UPDATE_GOLDEN=1 to create it");
        var difference = FirstDifference(File.ReadAllText(goldenPath), actual);
        Assert.True(difference is null, $"{golden}: {difference}");
    }

    /// <summary>Where the two texts first differ, or null when they are equal.</summary>
    private static string? FirstDifference(string golden, string actual)
    {
        var g = golden.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(g.Length, a.Length); i++)
        {
            var gl = i < g.Length ? g[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (gl != al)
            {
                return $"first difference at line {i + 1}\n  golden: {gl}\n  actual: {al}";
            }
        }

        return null;
    }

    // The Golden folder of the source tree (the tests run from bin/…; the files are not copied there, so that UPDATE_GOLDEN writes the committed ones).
    private static string GoldenDirectory([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
