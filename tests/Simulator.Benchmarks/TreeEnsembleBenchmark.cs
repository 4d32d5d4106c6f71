using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Recommender;
using Recommender.Ranking;
using Recommender.State;

namespace Simulator.Benchmarks;

/// <summary>
/// One ranking head (a FastTree ensemble of the serving size: 20 trees of 8 leaves over the 20
/// ranking features) scoring the 48 fully ranked candidates of a request, tree by tree over the
/// rows as served. The kernel that dominates a ranked request (see `simulator bench`). The label
/// depends on user-level features too, and the 48 rows share the request's features (one user,
/// one request), as in serving, so the benchmark can compare walking every split per row with
/// resolving the shared splits once per batch.
/// </summary>
[MemoryDiagnoser]
public class TreeEnsembleBenchmark
{
    private const int Candidates = 48;
    private TreeEnsembleEvaluator _head = null!;
    private float[] _rows = null!;
    private float[] _columns = null!;
    private readonly double[] _out = new double[Candidates];

    [Params(8, 32)]
    public int Leaves { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ml = new MLContext(5);
        var trainer = new RankingTrainer(new RecommenderOptions { Trees = 20, Leaves = Leaves }, 5);
        var train = new List<RankingTrainer.BinaryRow>();
        for (var i = 0; i < 20_000; i++)
        {
            var f = Row(i, 1);
            var noise = StableHash.Unit(StableHash.Hash(9, (ulong)i, 0, 3));
            var label = f[0] * f[1] + 0.3f * f[5] + 0.4f * f[12] * f[11] > 0.6f;
            train.Add(new RankingTrainer.BinaryRow { Features = f, Label = label || noise < 0.1 });
        }

        _head = TreeEnsembleEvaluator.From(trainer.FitBinary(ml, train).Model.SubModel.TrainedTreeEnsemble);
        var first = Row(0, 2);
        _rows = Enumerable.Range(0, Candidates)
            .SelectMany(i => Row(i, 2).Select((x, j) => ((Features.RequestShared >> j) & 1) != 0 ? first[j] : x))
            .ToArray();
        _columns = new float[Features.Count * Candidates];
        for (var r = 0; r < Candidates; r++)
        {
            for (var j = 0; j < Features.Count; j++)
            {
                _columns[(j * Candidates) + r] = _rows[(r * Features.Count) + j];
            }
        }
    }

    private static float[] Row(int i, int seed)
    {
        var f = new float[Features.Count];
        for (var j = 0; j < f.Length; j++)
        {
            f[j] = (float)StableHash.Unit(StableHash.Hash((ulong)seed, (ulong)i, (ulong)j, 1));
        }

        return f;
    }

    [Benchmark(Baseline = true, Description = "one head, 20 trees, 48 rows, every split per row")]
    public double Evaluate()
    {
        _head.EvaluateMany(_rows, Features.Count, _out);
        return _out[0];
    }

    [Benchmark(Description = "one head, 20 trees, 48 rows, shared splits once")]
    public double EvaluateShared()
    {
        _head.EvaluateMany(_rows, Features.Count, _out, Features.RequestShared);
        return _out[0];
    }

    [Benchmark(Description = "one head, 20 trees, 48 rows, by columns (eight rows per vector)")]
    public double EvaluateColumns()
    {
        _head.EvaluateColumns(_columns, Candidates, _out, Features.RequestShared);
        return _out[0];
    }

    [Benchmark(Description = "one head, 20 trees, 48 rows, by columns, portable leaf look-up")]
    public double EvaluateColumnsPortable()
    {
        _head.EvaluateColumns(_columns, Candidates, _out, Features.RequestShared, avx512: false);
        return _out[0];
    }
}
