using System.Text.Json.Nodes;
using Simulator.Cli.Commands;

namespace Simulator.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sim-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private const string Tiny = "name: tiny\nseed: 3\nreplications: 2\nduration: { days: 2 }\npopulation: { size: 400 }\ncontent: { catalogue_min_users: 0 }\n";

    [Fact]
    public async Task Should_ExitTwoWithLocatedErrors_When_ValidatingBadFiles()
    {
        var unknown = Write("unknown.yaml", "population:\n  sise: 10\n");
        var type = Write("type.yaml", "seed: 1\nreplications: lots\n");
        var shares = Write("shares.yaml", "population:\n  generations: { gen_z: 0.5, boomer: 0.4 }\n");
        var good = Write("good.yaml", Tiny);

        var (code, output, err) = await Run("validate", unknown, type, shares, good);

        Assert.Equal(2, code);
        Assert.Contains($"{unknown}(2,3): error at 'population.sise'", err, StringComparison.Ordinal);
        Assert.Contains($"{type}(2,15): error at 'replications'", err, StringComparison.Ordinal);
        Assert.Contains($"{shares}(2,16): error at 'population.generations': shares must sum to 1", err, StringComparison.Ordinal);
        Assert.Contains("1 valid, 3 invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WriteNothing_When_RunIsGivenAnInvalidScenario()
    {
        var bad = Write("bad.yaml", "name: bad\npopulation: { size: -5 }\n");
        var results = Path.Combine(_dir, "results");

        var (code, _, err) = await Run("run", bad, "--out", results, "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("population.size", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(results));
    }

    [Fact]
    public async Task Should_ExitTwo_When_ArgumentsAreInvalid()
    {
        var good = Write("good.yaml", Tiny);
        Assert.Equal(2, (await Run("run", good, "--threads", "0", "--out", Path.Combine(_dir, "r"))).Code);
        Assert.Equal(2, (await Run("run", good, "--no-such-option")).Code);
        Assert.Equal(2, (await Run("run", Path.Combine(_dir, "missing.yaml"))).Code);
        Assert.False(Directory.Exists(Path.Combine(_dir, "r")));
    }

    [Fact]
    public async Task Should_WriteIdenticalResults_When_RunWithOneAndTwoThreads()
    {
        var file = Write("tiny.yaml", Tiny);
        var a = Path.Combine(_dir, "a");
        var b = Path.Combine(_dir, "b");

        var runA = await Run("run", file, "--out", a, "--threads", "1", "--quiet");
        var runB = await Run("run", file, "--out", b, "--threads", "2", "--quiet");

        Assert.Equal(0, runA.Code);
        Assert.Equal(0, runB.Code);
        Assert.Contains("stickiness.minutes_per_dau", runA.Out, StringComparison.Ordinal);
        foreach (var f in new[] { "summary.json", "daily.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, "tiny", f)), File.ReadAllBytes(Path.Combine(b, "tiny", f)));
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(b, "tiny", "manifest.json")))!;
        Assert.Equal(2, manifest["threads"]!.GetValue<int>());
        Assert.Equal(3UL, manifest["seed"]!.GetValue<ulong>());
    }

    [Fact]
    public async Task Should_ApplyOverrides_When_SeedReplicationsAndScaleAreGiven()
    {
        var file = Write("tiny.yaml", Tiny);
        var outDir = Path.Combine(_dir, "o");

        var (code, _, _) = await Run("run", file, "--out", outDir, "--seed", "99", "--replications", "1", "--scale", "0.5", "--quiet");

        Assert.Equal(0, code);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "tiny", "summary.json")))!;
        Assert.Equal(1, summary["replications"]!.GetValue<int>());
        Assert.Equal(200, summary["users"]!.GetValue<int>());
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "tiny", "manifest.json")))!;
        Assert.Equal(99UL, manifest["seed"]!.GetValue<ulong>());
    }

    [Fact]
    public async Task Should_PrintSchema_When_SchemaIsRequested()
    {
        var (code, output, _) = await Run("schema");
        Assert.Equal(0, code);
        var schema = JsonNode.Parse(output)!;
        Assert.NotNull(schema["properties"]!["population"]);
    }

    [Fact]
    public async Task Should_ListExitCodes_When_HelpIsRequested()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("2 invalid input", output, StringComparison.Ordinal);
        Assert.Contains("validate", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_PrintPersonasAndRealisedShares_When_PersonasIsRequested()
    {
        var file = Write("tiny.yaml", Tiny);

        var (code, output, _) = await Run("personas", file, "--sample", "5");

        Assert.Equal(0, code);
        Assert.Contains("Sample personas", output, StringComparison.Ordinal);
        Assert.Contains("Realised shares over 400 users", output, StringComparison.Ordinal);
        Assert.Contains("gen_z", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_WriteCalibrationTable_When_CalibrateRuns()
    {
        var file = Write("tiny.yaml", "name: tiny\nreplications: 2\nduration: { days: 8 }\npopulation: { size: 300 }\ncontent: { catalogue_min_users: 0 }\n");
        var report = Path.Combine(_dir, "cal", "calibration.md");

        var (code, _, _) = await Run("calibrate", file, "--out", Path.Combine(_dir, "res"), "--report", report, "--threads", "1");

        Assert.Equal(0, code);
        var text = File.ReadAllText(report);
        Assert.Contains("| `stickiness.dau_mau` | 0.3–0.5 |", text, StringComparison.Ordinal);
        Assert.Contains("engagement.completion_7s", text, StringComparison.Ordinal);
        Assert.Contains("gen_z", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "res", "tiny", "segments.csv")));
    }

    private const string CompareScenario = """
        name: gate
        seed: 5
        replications: 3
        duration: { days: 3, warmup_days: 1 }
        population: { size: 600 }
        content: { catalogue_min_users: 0 }
        recommender: { policy: popularity }
        variants:
          harmless: { recommender: { popular_list_length: 1000 } }
          harmful: { recommender: { policy: random }, policies: [ { daily_limit: { minutes: 5, ages: [13, 99], override_rate: 0 } } ] }
        guardrails:
          - { metric: stickiness.minutes_per_dau, max_drop_pct: 2.0 }
        """;

    [Fact]
    public async Task Should_ExitThree_When_HarmfulVariantBreaksGuardrail()
    {
        var file = Write("gate.yaml", CompareScenario);
        var outDir = Path.Combine(_dir, "c");

        var (code, output, _) = await Run("compare", file, "--out", outDir, "--quiet");

        Assert.Equal(3, code);
        Assert.Contains("FAIL  harmful", output, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "gate-compare", "compare.json")))!;
        Assert.Equal("fail", json["verdict"]!.GetValue<string>());
        Assert.Equal("pass", json["variants"]!["harmless"]!["guardrails"]![0]!["verdict"]!.GetValue<string>());
        Assert.Equal("fail", json["variants"]!["harmful"]!["guardrails"]![0]!["verdict"]!.GetValue<string>());
        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(outDir, "gate-compare", "compare.junit.xml"));
        Assert.Single(junit.Descendants("failure"));
        Assert.Equal(2, junit.Descendants("testcase").Count());
        foreach (var f in new[] { "compare.md", "report.html", "plots/forest_harmful.png", "arms/baseline/summary.json", "arms/harmful/daily.csv" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, "gate-compare", f)), f);
        }
    }

    [Fact]
    public async Task Should_ExitZeroWithIdenticalNumbers_When_HarmlessVariantComparedTwice()
    {
        var file = Write("gate.yaml", CompareScenario);
        var a = Path.Combine(_dir, "ca");
        var b = Path.Combine(_dir, "cb");

        var first = await Run("compare", file, "--variant", "harmless", "--out", a, "--quiet", "--threads", "1");
        var second = await Run("compare", file, "--variant", "harmless", "--out", b, "--quiet", "--threads", "2");

        Assert.Equal(0, first.Code);
        Assert.Equal(0, second.Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "gate-compare", "compare.json")), File.ReadAllBytes(Path.Combine(b, "gate-compare", "compare.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "gate-compare", "compare.md")), File.ReadAllBytes(Path.Combine(b, "gate-compare", "compare.md")));
    }

    [Fact]
    public async Task Should_RefuseUpFront_When_CompareHasNoVariantsOrUnmeasurableGuardrail()
    {
        var none = Write("none.yaml", Tiny);
        var shortRun = Write("short.yaml", Tiny + "variants: { v: { recommender: { policy: random } } }\nguardrails:\n  - { metric: stickiness.retention_d7, max_drop_pct: 1 }\n");
        var outDir = Path.Combine(_dir, "n");

        var noVariants = await Run("compare", none, "--out", outDir, "--quiet");
        var tooShort = await Run("compare", shortRun, "--out", outDir, "--quiet");
        var unknown = await Run("compare", shortRun, "--variant", "nope", "--out", outDir, "--quiet");

        Assert.Equal(2, noVariants.Code);
        Assert.Contains("no 'variants'", noVariants.Err, StringComparison.Ordinal);
        Assert.Equal(2, tooShort.Code);
        Assert.Contains("needs a run longer than 7 days", tooShort.Err, StringComparison.Ordinal);
        Assert.Equal(2, unknown.Code);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Should_WriteOneRowPerGridPointAndAPlotPerMetric_When_Sweeping()
    {
        var file = Write("sweep.yaml", Tiny + "recommender: { policy: popularity }\nsweep: { parameter: recommender.slate_size, values: [4, 8, 16] }\n");
        var outDir = Path.Combine(_dir, "s");

        var (code, output, _) = await Run("sweep", file, "--out", outDir, "--quiet");

        Assert.Equal(0, code);
        Assert.Contains("sweep of recommender.slate_size", output, StringComparison.Ordinal);
        var folder = Path.Combine(outDir, "tiny-sweep");
        var rows = File.ReadAllLines(Path.Combine(folder, "sweep.csv"));
        Assert.Equal(4, rows.Length);
        Assert.StartsWith("recommender.slate_size,16,", rows[3], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "plots", "sweep_stickiness_minutes_per_dau.png")));
        Assert.True(File.Exists(Path.Combine(folder, "points", "8", "summary.json")));
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public async Task Should_LogEveryReportedImpressionAsParquet_When_LogImpressionsIsGiven()
    {
        var file = Write("tiny.yaml", Tiny + "recommender: { policy: popularity }\n");
        var outDir = Path.Combine(_dir, "log");

        var (code, _, _) = await Run("run", file, "--out", outDir, "--quiet", "--log-impressions");

        Assert.Equal(0, code);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "tiny", "summary.json")))!;
        var daily = File.ReadAllLines(Path.Combine(outDir, "tiny", "daily.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        await using var reader = await Parquet.ParquetReader.CreateAsync(Path.Combine(outDir, "tiny", "impressions.parquet"));
        long rows = 0, liked = 0, tagged = 0;
        var likedField = reader.Schema.DataFields.Single(f => f.Name == "liked");
        var tagField = reader.Schema.DataFields.Single(f => f.Name == "hashtag_1");
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new bool[group.RowCount];
            await group.ReadAsync<bool>(likedField, values.AsMemory());
            rows += group.RowCount;
            liked += values.Count(v => v);
            var tags = new int[group.RowCount];
            await group.ReadAsync<int>(tagField, tags.AsMemory());
            tagged += tags.Count(t => t >= 0);
        }

        // Every organic upload carries at least one hashtag
        Assert.Equal(rows, tagged);

        // Every impression of the reported days, both replications: the summary's count
        Assert.Equal(summary["impressions"]!.GetValue<long>(), rows);
        // Likes in the log match the like rate × impressions of daily.csv (like_rate column)
        var header = File.ReadLines(Path.Combine(outDir, "tiny", "daily.csv")).First().Split(',');
        int imp = Array.IndexOf(header, "impressions"), rate = Array.IndexOf(header, "like_rate");
        var expectedLikes = daily.Sum(d => Math.Round(long.Parse(d[imp], System.Globalization.CultureInfo.InvariantCulture) * double.Parse(d[rate], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expectedLikes, liked);
        Assert.Empty(Directory.GetFiles(outDir, ".impressions-*"));
    }

    [Fact]
    public async Task Should_ReportThroughputTimeSharesAndMemory_When_Benchmarking()
    {
        var report = Path.Combine(_dir, "bench.md");

        var (code, output, _) = await Run("bench", "--users", "400", "--days", "1", "--warmup-days", "0", "--policy", "popularity", "--threads", "1", "--out", report);

        Assert.Equal(0, code);
        Assert.Contains("**impressions per second**", output, StringComparison.Ordinal);
        Assert.Contains("Session: recommend", output, StringComparison.Ordinal);
        Assert.Contains("B/user", output, StringComparison.Ordinal);
        Assert.Contains("| world: users (personas and state) |", output, StringComparison.Ordinal);
        Assert.Contains("| recommender: Served |", output, StringComparison.Ordinal);
        var requests = System.Text.RegularExpressions.Regex.Match(output, @"\| feed requests / slots served \| ([\d,]+) / ([\d,]+) \(([\d.]+) per request; ([\d.]+) % of served slots watched");
        Assert.True(requests.Success, output);
        var slotsPerRequest = double.Parse(requests.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(slotsPerRequest, 1.0, 8.0); // the default slate holds 8
        Assert.InRange(double.Parse(requests.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture), 1.0, 100.0);
        Assert.Equal(output, File.ReadAllText(report).TrimEnd('\n') + "\n", ignoreLineEndingDifferences: true);
        Assert.Equal(2, (await Run("bench", "--users", "0")).Code);
    }

    [Fact]
    public async Task Should_CompareOneThreadWithMany_When_BenchmarkingScaling()
    {
        var report = Path.Combine(_dir, "scaling.md");

        var (code, output, _) = await Run("bench", "--users", "300", "--days", "1", "--warmup-days", "0", "--policy", "popularity", "--threads", "2", "--scaling", "--out", report);

        Assert.Equal(0, code);
        // Both runs in full, one thread first, then the comparison
        var one = output.IndexOf("popularity, 1 thread(s)", StringComparison.Ordinal);
        var two = output.IndexOf("popularity, 2 thread(s)", StringComparison.Ordinal);
        var scaling = output.IndexOf("## thread scaling: 1 → 2 threads", StringComparison.Ordinal);
        Assert.True(one >= 0 && two > one && scaling > two, output);
        var impressions = System.Text.RegularExpressions.Regex.Matches(output, @"\| impressions \(timed days\) \| ([\d,]+) \|").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, impressions.Count);
        Assert.Contains($"Same impressions on 1 and 2 threads: {impressions[0]} and {impressions[1]} (equal, as determinism requires)", output, StringComparison.Ordinal);
        Assert.Matches(@"\| Session \(chunk-parallel\), s \| [\d.]+ \| [\d.]+ \| [\d.]+× \|", output);
        Assert.Matches(@"- arithmetic \(independent multiply-xorshift chains\): \*\*[\d.]+×\*\* \([\d.]+–[\d.]+\)", output);
        Assert.Matches(@"- random memory reads \(64 MiB pointer chase\): \*\*[\d.]+×\*\*", output);
        Assert.Matches(@"the whole would reach at most [\d.]+×", output);
        Assert.Equal(output, File.ReadAllText(report).TrimEnd('\n') + "\n", ignoreLineEndingDifferences: true);

        // One thread has nothing to compare with
        var single = await Run("bench", "--users", "300", "--threads", "1", "--scaling");
        Assert.Equal(2, single.Code);
        Assert.Contains("--scaling compares one thread with --threads, which must then be at least 2 (got 1)", single.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_VisitEverySlotInOneCycle_When_LayingOutThePointerChase()
    {
        foreach (var length in new[] { 2, 3, 1000, 4096 })
        {
            var next = MachineCeiling.RandomCycle(length);
            var seen = new bool[length];
            var i = 0;
            for (var step = 0; step < length; step++)
            {
                Assert.False(seen[i], $"slot {i} revisited after {step} steps of {length}");
                seen[i] = true;
                i = next[i];
            }

            Assert.Equal(0, i); // back at the start after exactly length reads
        }

        Assert.Equal(MachineCeiling.RandomCycle(1000), MachineCeiling.RandomCycle(1000)); // fixed layout
    }

    [Fact]
    public void Should_RunTheWorkOncePerThreadAndReportEveryRepetition_When_MeasuringTheCeiling()
    {
        var calls = new int[3];
        var seconds = MachineCeiling.Time(3, t =>
        {
            Interlocked.Increment(ref calls[t]);
            return MachineCeiling.Compute(1000, (ulong)t);
        });
        Assert.Equal([1, 1, 1], calls);
        Assert.True(seconds > 0);

        // Same seed, same chain: the kernels compute, they are not optimised away
        Assert.Equal(MachineCeiling.Compute(5000, 7), MachineCeiling.Compute(5000, 7));
        Assert.NotEqual(MachineCeiling.Compute(5000, 7), MachineCeiling.Compute(5000, 8));

        var results = MachineCeiling.Measure(2, repetitions: 2, computeIterations: 100_000, memoryReads: 10_000);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.All(r.Ratios, x => Assert.True(double.IsFinite(x) && x > 0, $"{r.Kernel}: {x}")));
        Assert.All(results, r => Assert.Equal(2, r.Ratios.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => MachineCeiling.Measure(1));
    }

    [Fact]
    public async Task Should_BenchmarkTheScenariosWorld_When_AScenarioAndVariantAreGiven()
    {
        var file = Write("gate.yaml", CompareScenario);

        // The scenario's own policy, a variant's, and --policy over both
        var baseline = await Run("bench", "--scenario", file, "--users", "300", "--days", "1", "--warmup-days", "0", "--threads", "1");
        var variant = await Run("bench", "--scenario", file, "--variant", "harmful", "--users", "300", "--days", "1", "--warmup-days", "0", "--threads", "1");
        var forced = await Run("bench", "--scenario", file, "--variant", "harmful", "--policy", "chronological", "--users", "300", "--days", "1", "--warmup-days", "0", "--threads", "1");

        Assert.Equal(0, baseline.Code);
        Assert.Contains("## bench: 300 users, 1 day(s) timed after 0 warm-up day(s), policy popularity, scenario gate, 1 thread(s)", baseline.Out, StringComparison.Ordinal);
        Assert.Contains("policy random, scenario gate variant harmful, 1 thread(s)", variant.Out, StringComparison.Ordinal);
        Assert.Contains("policy chronological, scenario gate variant harmful, 1 thread(s)", forced.Out, StringComparison.Ordinal);

        // Different feeds serve different impressions to the same 300 users
        static string Impressions(string output) => System.Text.RegularExpressions.Regex.Match(output, @"\| impressions \(timed days\) \| ([\d,]+) \|").Groups[1].Value;
        Assert.NotEqual(Impressions(baseline.Out), Impressions(variant.Out));

        // An unknown variant names the ones there are; --variant alone is an error
        var unknown = await Run("bench", "--scenario", file, "--variant", "nope", "--users", "300");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("no variant 'nope'; the file has: harmless, harmful", unknown.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await Run("bench", "--variant", "harmful")).Code);
    }
}
