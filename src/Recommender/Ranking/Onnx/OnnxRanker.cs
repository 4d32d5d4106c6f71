using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Recommender.Ranking.Onnx;

/// <summary>
/// Ranking heads from an ONNX model that honours the <see cref="FeatureContract"/>, scored with
/// ONNX Runtime on the CPU: one call per feed request over all its candidates. Each call runs on
/// the calling thread alone (one intra-op thread, sequential execution), so scores do not depend
/// on thread timing; the simulation's own threads (<c>--threads</c>) run requests side by side.
/// </summary>
internal sealed class OnnxRanker : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _outputNames;
    private readonly RunOptions _run = new();
    private static readonly string[] InputNames = [FeatureContract.InputName];

    private OnnxRanker(InferenceSession session, string path)
    {
        _session = session;
        Path = path;
        _outputNames = [.. FeatureContract.Outputs.Select(o => o.Name)];
    }

    /// <summary>The model file.</summary>
    public string Path { get; }

    /// <summary>Loads and checks a model; throws <see cref="RankerModelException"/> with every problem found.</summary>
    public static OnnxRanker Load(string path) => Load(path, RankerModels.Read(path));

    /// <summary>Loads and checks the model whose file <paramref name="path"/> held <paramref name="bytes"/>.</summary>
    public static OnnxRanker Load(string path, byte[] bytes)
    {
        InferenceSession session;
        try
        {
            var options = new SessionOptions
            {
                IntraOpNumThreads = 1,
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
            };
            session = new InferenceSession(bytes, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new RankerModelException(path, [$"not a model ONNX Runtime can load: {FirstLine(ex.Message)}"]);
        }

        var ranker = new OnnxRanker(session, path);
        var problems = ranker.CheckSignature();
        if (problems.Count == 0)
        {
            problems = ranker.Probe();
        }

        if (problems.Count > 0)
        {
            ranker.Dispose();
            throw new RankerModelException(path, problems);
        }

        return ranker;
    }

    /// <summary>
    /// Scores <paramref name="count"/> candidates whose contract rows are in
    /// <paramref name="rows"/> (row-major, from index 0): probabilities into
    /// <paramref name="heads"/>[h][0 … count) for every head h, expected watch seconds into
    /// <paramref name="watchSeconds"/>.
    /// </summary>
    public void Score(float[] rows, int count, double[][] heads, Span<double> watchSeconds)
    {
        var width = Features.Count;
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, rows.AsMemory(0, count * width), [count, width]);
        using var results = _session.Run(_run, InputNames, [input], _outputNames);
        var k = 0;
        foreach (var result in results)
        {
            var values = result.GetTensorDataAsSpan<float>();
            var target = k < RankingModel.Heads ? heads[k].AsSpan(0, count) : watchSeconds[..count];
            for (var i = 0; i < count; i++)
            {
                target[i] = values[i];
            }

            k++;
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _run.Dispose();
    }

    private List<string> CheckSignature()
    {
        var problems = new List<string>();
        var inputs = _session.InputMetadata;
        if (inputs.Count != 1 || !inputs.TryGetValue(FeatureContract.InputName, out var input))
        {
            problems.Add($"inputs are [{string.Join(", ", inputs.Keys)}]; expected exactly one input named '{FeatureContract.InputName}' (feature contract version {FeatureContract.Version}).");
        }
        else if (!input.IsTensor || input.ElementDataType != TensorElementType.Float || input.Dimensions.Length != 2
            || (input.Dimensions[1] != Features.Count && input.Dimensions[1] > 0) || input.Dimensions[0] > 0)
        {
            problems.Add($"input '{FeatureContract.InputName}' is {Describe(input)}; expected float32 of shape [candidates, {Features.Count}] with a dynamic first dimension.");
        }

        var outputs = _session.OutputMetadata;
        foreach (var name in _outputNames)
        {
            if (!outputs.TryGetValue(name, out var o))
            {
                problems.Add($"output '{name}' is missing; the model has [{string.Join(", ", outputs.Keys)}] and must have [{string.Join(", ", _outputNames)}].");
            }
            else if (!o.IsTensor || o.ElementDataType != TensorElementType.Float || o.Dimensions.Length is < 1 or > 2
                || o.Dimensions[0] > 0 || (o.Dimensions.Length == 2 && o.Dimensions[1] != 1))
            {
                problems.Add($"output '{name}' is {Describe(o)}; expected float32 of shape [candidates] or [candidates, 1].");
            }
        }

        return problems;
    }

    // Scores a fixed batch of plausible and extreme rows: every output must be finite,
    // probabilities in [0, 1] and watch seconds non-negative.
    private List<string> Probe()
    {
        var problems = new List<string>();
        var rows = ProbeRows();
        var count = rows.Length / Features.Count;
        var heads = new double[RankingModel.Heads][];
        for (var h = 0; h < heads.Length; h++)
        {
            heads[h] = new double[count];
        }

        var watch = new double[count];
        try
        {
            Score(rows, count, heads, watch);
        }
        catch (OnnxRuntimeException ex)
        {
            problems.Add($"scoring a probe batch of {count} rows failed: {FirstLine(ex.Message)}");
            return problems;
        }

        for (var k = 0; k <= RankingModel.Heads; k++)
        {
            var values = k < RankingModel.Heads ? heads[k] : watch;
            var name = _outputNames[k];
            for (var i = 0; i < count; i++)
            {
                var v = values[i];
                var bad = !double.IsFinite(v) || v < 0 || (k < RankingModel.Heads && v > 1);
                if (bad)
                {
                    var allowed = k < RankingModel.Heads ? "a probability in [0, 1]" : "finite seconds ≥ 0";
                    problems.Add($"output '{name}' gave {v} for probe row {i}; expected {allowed}.");
                    break;
                }
            }
        }

        return problems;
    }

    // Rows from zero to a little past the features' usual ranges (FeatureContract), deterministic.
    private static float[] ProbeRows()
    {
        const int count = 16;
        var width = Features.Count;
        var rows = new float[count * width];
        for (var r = 0; r < count; r++)
        {
            var t = r / (count - 1f);
            for (var j = 0; j < width; j++)
            {
                var spread = ((r * 7) + (j * 3)) % count / (count - 1f);
                rows[(r * width) + j] = j switch
                {
                    (int)Feature.LocalHour => MathF.Round(23 * spread),
                    (int)Feature.Device => r % 3,
                    (int)Feature.FollowsCreator or (int)Feature.SameCountry or (int)Feature.TeenAccount => r % 2,
                    (int)Feature.VideoLogLength => MathF.Log(5f + (295f * t)),
                    (int)Feature.EmbeddingScore or (int)Feature.HashtagScore => (2 * spread) - 1,
                    (int)Feature.VideoLogImpressions or (int)Feature.UserLogImpressions or (int)Feature.CreatorLogFollowers or (int)Feature.VideoLogAgeHours => 12 * spread,
                    (int)Feature.UserTopicAffinity => 5 * spread,
                    _ => spread,
                };
            }
        }

        return rows;
    }

    private static string Describe(NodeMetadata m) =>
        m.IsTensor ? $"{m.ElementDataType} of shape [{string.Join(", ", m.Dimensions.Select((d, i) => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : (m.SymbolicDimensions.Length > i && m.SymbolicDimensions[i].Length > 0 ? m.SymbolicDimensions[i] : "?")))}]" : m.OnnxValueType.ToString();

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
