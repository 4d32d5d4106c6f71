using Google.Protobuf;
using Recommender.Ranking;
using Recommender.Ranking.Onnx;

namespace Recommender.Tests;

/// <summary>An external ranker is checked before a run: each way a model can break the contract is refused with what was expected.</summary>
public sealed class RankerModelChecksTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sim-ranker-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // A model that returns a constant per output: 0.1 for probabilities and 12 s of watch time unless told otherwise.
    internal static void WriteConstantModel(string path, string input = FeatureContract.InputName, int width = Features.Count, IReadOnlyDictionary<string, float>? values = null, string? omit = null)
    {
        var g = new OnnxGraph();
        g.Input(input, width);
        var flat = g.Int64s(-1);
        var column = g.Node("Slice", input, g.Int64s(0), g.Int64s(1), g.Int64s(1));
        var zero = g.Node("Mul", column, g.Floats([0f], 1));
        foreach (var o in FeatureContract.Outputs)
        {
            if (o.Name == omit)
            {
                continue;
            }

            var value = values is not null && values.TryGetValue(o.Name, out var v) ? v : o.Name == FeatureContract.WatchSecondsName ? 12f : 0.1f;
            g.Node("Reshape", [g.Node("Add", zero, g.Floats([value], 1)), flat], o.Name, "");
            g.Output(o.Name);
        }

        File.WriteAllBytes(path, g.Model("test", new Dictionary<string, string>()).ToByteArray());
    }

    private string Problems(Action<string> write)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.onnx");
        write(path);
        var ex = Assert.Throws<RankerModelException>(() => RankerModels.Verify(path));
        Assert.Equal(path, ex.Path);
        Assert.NotEmpty(ex.Problems);
        return string.Join("\n", ex.Problems);
    }

    [Fact]
    public void Should_AcceptTheModel_When_ItHonoursTheContract()
    {
        // Given a model with the contract's input and every output
        var path = Path.Combine(_dir, "good.onnx");
        WriteConstantModel(path);

        // When it is verified, Then it loads and its hash is that of the file
        var hash = RankerModels.Verify(path);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), hash);
    }

    [Fact]
    public void Should_SayWhatWasExpected_When_TheModelBreaksTheContract()
    {
        // Given models that break the contract in each way, When each is verified, Then each is
        // refused with a sentence that names the part and what it should be
        Assert.Contains("file not found", Problems(_ => { }), StringComparison.Ordinal);
        Assert.Contains("not a model ONNX Runtime can load", Problems(p => File.WriteAllText(p, "not a model")), StringComparison.Ordinal);
        Assert.Contains("expected exactly one input named 'features'", Problems(p => WriteConstantModel(p, input: "x")), StringComparison.Ordinal);
        Assert.Contains($"expected float32 of shape [candidates, {Features.Count}]", Problems(p => WriteConstantModel(p, width: 19)), StringComparison.Ordinal);
        Assert.Contains("output 'share' is missing", Problems(p => WriteConstantModel(p, omit: "share")), StringComparison.Ordinal);
        Assert.Contains("output 'like' gave NaN for probe row 0; expected a probability in [0, 1]", Problems(p => WriteConstantModel(p, values: new Dictionary<string, float> { ["like"] = float.NaN })), StringComparison.Ordinal);
        Assert.Contains("output 'finish' gave 1.5", Problems(p => WriteConstantModel(p, values: new Dictionary<string, float> { ["finish"] = 1.5f })), StringComparison.Ordinal);
        Assert.Contains("output 'watch_seconds' gave -3", Problems(p => WriteConstantModel(p, values: new Dictionary<string, float> { ["watch_seconds"] = -3f })), StringComparison.Ordinal);
    }
}
