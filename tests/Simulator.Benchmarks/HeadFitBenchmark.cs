using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Recommender;
using Recommender.Ranking;
using Recommender.State;

namespace Simulator.Benchmarks;

/// <summary>
/// One ranking head fitted by ML.NET FastTree (20 trees of 8 leaves, one thread, as served) on
/// synthetic rows of the 20 ranking features, over the number of rows. Separates what a fit costs
/// per row from what it costs whatever its size: the daily retraining of a small world is the
/// second (see `simulator bench --users 1000`).
/// </summary>
[MemoryDiagnoser]
public class HeadFitBenchmark
{
    private RankingTrainer _trainer = null!;
    private List<RankingTrainer.BinaryRow> _rows = null!;

    [Params(1_000, 5_000, 20_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _trainer = new RankingTrainer(new RecommenderOptions { Trees = 20, Leaves = 8 }, 5, threads: 1);
        _rows = [];
        for (var i = 0; i < Rows; i++)
        {
            var f = new float[Features.Count];
            for (var j = 0; j < f.Length; j++)
            {
                f[j] = (float)StableHash.Unit(StableHash.Hash(1, (ulong)i, (ulong)j, 1));
            }

            var noise = StableHash.Unit(StableHash.Hash(9, (ulong)i, 0, 3));
            _rows.Add(new RankingTrainer.BinaryRow { Features = f, Label = (f[0] * f[1]) + (0.3f * f[5]) > 0.5f || noise < 0.1 });
        }
    }

    [Benchmark(Description = "one head fitted (FastTree, 20 trees, 8 leaves, one thread)")]
    public double Fit() => _trainer.FitBinary(new MLContext(5), _rows).Model.Calibrator.Slope;
}
