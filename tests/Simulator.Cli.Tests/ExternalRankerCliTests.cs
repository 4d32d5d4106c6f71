using Parquet;
using Recommender.Ranking;

namespace Simulator.Cli.Tests;

/// <summary>The ranking engineer's round trip: export the training data and the built-in heads, serve a model file in a compare arm, and a bad file refused up front.</summary>
public sealed class ExternalRankerCliTests : IDisposable
{
    private const string Scenario = """
        name: gate
        seed: 5
        replications: 2
        duration: { days: 2, warmup_days: 2 }
        population: { size: 300 }
        content: { catalogue_min_users: 0 }
        recommender: { policy: ranked }
        variants:
          exported:
            recommender: { ranker: { onnx: heads.onnx } }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("sim-ranker-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Should_ServeTheExportedHeadsInACompareArm_When_TheyWereExportedFromARun()
    {
        // Given the built-in heads of a run exported to ONNX beside the study file
        var file = Path.Combine(_dir, "gate.yaml");
        await File.WriteAllTextAsync(file, Scenario);
        var exported = await CliRun.Run("export-ranker", file, "--out", Path.Combine(_dir, "heads.onnx"), "--quiet", "--threads", "1");
        Assert.True(exported.Code == 0, exported.Err);

        // When a compare serves that file in one arm
        var output = Path.Combine(_dir, "out");
        var compared = await CliRun.Run("compare", file, "--out", output, "--quiet", "--threads", "1");
        var again = await CliRun.Run("compare", file, "--out", Path.Combine(_dir, "again"), "--quiet", "--threads", "2");

        // Then the study has a verdict and the arm's manifest names the model by its SHA-256
        Assert.True(compared.Code is 0 or 3, compared.Err);
        Assert.Contains("verdict:", compared.Out, StringComparison.Ordinal);
        var manifest = await File.ReadAllTextAsync(Path.Combine(output, "gate-compare", "arms", "exported", "manifest.json"));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(_dir, "heads.onnx"))));
        Assert.Contains($"\"ranker_onnx_sha256\": \"{sha}\"", manifest, StringComparison.Ordinal);
        var baseline = await File.ReadAllTextAsync(Path.Combine(output, "gate-compare", "arms", "baseline", "manifest.json"));
        Assert.DoesNotContain("ranker_onnx", baseline, StringComparison.Ordinal);

        // And on another thread count the study is the same bytes
        Assert.Equal(compared.Code, again.Code);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(output, "gate-compare", "compare.json")), await File.ReadAllTextAsync(Path.Combine(_dir, "again", "gate-compare", "compare.json")));
    }

    [Fact]
    public async Task Should_WriteEveryLoggedRowWithContractColumns_When_ExportingTrainingData()
    {
        // Given a scenario
        var file = Path.Combine(_dir, "gate.yaml");
        await File.WriteAllTextAsync(file, Scenario.Replace("onnx: heads.onnx", "onnx: none.onnx", StringComparison.Ordinal).Split("variants:")[0]);

        // When its training data is exported
        var dir = Path.Combine(_dir, "training");
        var result = await CliRun.Run("export-training", file, "--out", dir, "--quiet", "--threads", "1");

        // Then the Parquet file has the ids, the contract's features by name, a label per head and
        // the outcome, with rows of the warm-up (day < 0) and of the reported days
        Assert.True(result.Code == 0, result.Err);
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(dir, "training.parquet"));
        var names = reader.Schema.DataFields.Select(f => f.Name).ToList();
        Assert.Equal(["replication", "day", "second", "user", "video"], names.Take(5));
        Assert.Equal(FeatureContract.Features.Select(f => f.Name), names.Skip(5).Take(FeatureContract.Features.Count));
        Assert.Contains("label_finish", names);
        Assert.Contains("label_not_interested", names);
        Assert.Equal(["watch_seconds", "video_seconds", "propensity"], names.TakeLast(3));
        var days = new List<int>();
        var finishes = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var day = new int[n];
            var finished = new bool[n];
            await group.ReadAsync<int>(reader.Schema.DataFields[1], day.AsMemory());
            await group.ReadAsync<bool>(reader.Schema.DataFields[names.IndexOf("label_finish")], finished.AsMemory());
            days.AddRange(day);
            finishes += finished.Count(x => x);
        }

        Assert.Contains(days, d => d < 0);
        Assert.Contains(days, d => d >= 0);
        Assert.InRange(finishes, 1, days.Count - 1);
        Assert.Contains($"{days.Count:N0} training rows", result.Out, StringComparison.Ordinal);
        var contract = await File.ReadAllTextAsync(Path.Combine(dir, "feature-contract.json"));
        Assert.Equal(FeatureContract.ToJson(), contract);
    }

    [Fact]
    public async Task Should_ExitTwoWithTheKeysLineAndColumn_When_TheModelFileIsMissingOrNotAModel()
    {
        // Given a study whose variant names a model that does not exist, and one that names a text file
        var file = Path.Combine(_dir, "gate.yaml");
        await File.WriteAllTextAsync(file, Scenario);
        var missing = await CliRun.Run("validate", file);
        await File.WriteAllTextAsync(Path.Combine(_dir, "heads.onnx"), "not a model");

        // When they are run, Then each exits 2 before anything runs, at the key's line and column, without a stack trace
        var garbage = await CliRun.Run("compare", file, "--out", Path.Combine(_dir, "out"), "--quiet");
        Assert.Equal(2, missing.Code);
        Assert.Contains("gate.yaml(10,36): error at 'variants.exported.recommender.ranker.onnx'", missing.Err, StringComparison.Ordinal);
        Assert.Contains("file not found", missing.Err, StringComparison.Ordinal);
        Assert.Equal(2, garbage.Code);
        Assert.Contains("not a model ONNX Runtime can load", garbage.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", garbage.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "out")));
    }
}
