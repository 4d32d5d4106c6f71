using Microsoft.ML;
using Microsoft.ML.Data;
using Recommender.Ranking;

namespace Recommender.Tests;

public sealed class TreeEvaluatorTests
{
    private sealed class Prediction
    {
        public float Score { get; set; }

        public float Probability { get; set; }
    }

    private static List<RankingTrainer.BinaryRow> Rows(int n, int seed)
    {
        var rows = new List<RankingTrainer.BinaryRow>(n);
        for (var i = 0; i < n; i++)
        {
            var f = new float[Features.Count];
            for (var j = 0; j < f.Length; j++)
            {
                f[j] = (float)State.StableHash.Unit(State.StableHash.Hash((ulong)seed, (ulong)i, (ulong)j, 1)) * (j + 1);
            }

            // A non-linear rule with noise, so the trees have something to learn.
            var noise = State.StableHash.Unit(State.StableHash.Hash((ulong)seed, (ulong)i, 99, 2));
            rows.Add(new RankingTrainer.BinaryRow { Features = f, Label = f[0] * f[1] > 0.6f || noise < 0.1 });
        }

        return rows;
    }

    private static void AssertAgreesWithMlNet(MLContext ml, ITransformer model, TreeEnsembleEvaluator evaluator, double slope, double offset, List<RankingTrainer.BinaryRow> test)
    {
        var schema = SchemaDefinition.Create(typeof(RankingTrainer.BinaryRow));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Features.Count);
        var predictions = ml.Data.CreateEnumerable<Prediction>(model.Transform(ml.Data.LoadFromEnumerable(test, schema)), reuseRowObject: false).ToList();
        for (var i = 0; i < test.Count; i++)
        {
            var raw = evaluator.Evaluate(test[i].Features);
            Assert.Equal(predictions[i].Score, raw, 1e-5);
            Assert.Equal(predictions[i].Probability, 1.0 / (1.0 + Math.Exp(slope * raw + offset)), 1e-5);
        }
    }

    [Fact]
    public void Should_MatchMlNetPredictions_When_EvaluatingTheTrainedEnsemble()
    {
        // Given a FastTree binary model trained by ML.NET
        var ml = new MLContext(7);
        var trainer = new RankingTrainer(new RecommenderOptions { Trees = 20, Leaves = 8 }, 7);
        var train = Rows(3000, 1);
        var model = trainer.FitBinary(ml, train);
        var evaluator = TreeEnsembleEvaluator.From(model.Model.SubModel.TrainedTreeEnsemble);
        var slope = model.Model.Calibrator.Slope;
        var offset = model.Model.Calibrator.Offset;

        // When both score unseen rows
        var test = Rows(500, 2);

        // Then raw scores and calibrated probabilities agree within 1e-5
        AssertAgreesWithMlNet(ml, model, evaluator, slope, offset, test);

        Assert.Equal(20, evaluator.Trees);

        // And the batch evaluation used in serving gives every row exactly its single-row score
        var matrix = test.SelectMany(r => r.Features).ToArray();
        var batch = new double[test.Count];
        evaluator.EvaluateMany(matrix, Features.Count, batch);
        for (var i = 0; i < test.Count; i++)
        {
            Assert.Equal(evaluator.Evaluate(test[i].Features), batch[i]);
        }
    }

    [Fact]
    public void Should_MatchMlNetPredictions_When_EvaluatingALightGbmEnsemble()
    {
        // Given a LightGBM binary model trained through ML.NET
        var ml = new MLContext(7);
        var trainer = new RankingTrainer(new RecommenderOptions { Trees = 20, Leaves = 8, Learner = TreeLearner.LightGbm }, 7);
        var model = trainer.FitBinaryLightGbm(ml, Rows(3000, 1));
        var evaluator = TreeEnsembleEvaluator.From(model.Model.SubModel.TrainedTreeEnsemble);

        // When both score unseen rows
        var test = Rows(500, 2);

        // Then raw scores and calibrated probabilities agree within 1e-5, and the fit is reproducible
        AssertAgreesWithMlNet(ml, model, evaluator, model.Model.Calibrator.Slope, model.Model.Calibrator.Offset, test);

        Assert.Equal(20, evaluator.Trees);
        var again = TreeEnsembleEvaluator.From(trainer.FitBinaryLightGbm(new MLContext(7), Rows(3000, 1)).Model.SubModel.TrainedTreeEnsemble);
        Assert.All(test, r => Assert.Equal(evaluator.Evaluate(r.Features), again.Evaluate(r.Features)));
    }

    [Fact]
    public void Should_GiveBitIdenticalScores_When_SharedFeatureSplitsAreResolvedOncePerBatch()
    {
        // Given an ensemble that splits on request-shared features as well as on per-row ones
        // (the label depends on user_finish_rate and session_position as well as on f0 · f1)
        var ml = new MLContext(11);
        var trainer = new RankingTrainer(new RecommenderOptions { Trees = 20, Leaves = 8 }, 11);
        var train = Rows(4000, 3);
        foreach (var row in train)
        {
            var f = row.Features;
            row.Label = (f[0] * f[1] > 0.6f) ^ (f[12] > 6.5f) ^ (f[14] < 4f);
        }

        var evaluator = TreeEnsembleEvaluator.From(trainer.FitBinary(ml, train).Model.SubModel.TrainedTreeEnsemble);
        Assert.True(evaluator.ResolvesSharedSplits);

        // (A request with no candidates to rank scores nothing, with or without shared features.)
        evaluator.EvaluateMany([], Features.Count, Span<double>.Empty, Features.RequestShared);
        Assert.True(evaluator.Splits(Features.RequestShared) > 10, $"{evaluator.Splits(Features.RequestShared)} shared splits");

        // When batches of 48 rows that share those features (one "request" each) are scored
        // with and without resolving the shared splits, for several sets of shared features
        var masks = new[] { Features.RequestShared, 1UL << 12, (1UL << Features.Count) - 1, Features.RequestShared | 1UL << 9 };
        var test = Rows(48 * 30, 4);
        var batch = new float[48 * Features.Count];
        var plain = new double[48];
        var resolved = new double[48];
        foreach (var mask in masks)
        {
            for (var request = 0; request < 30; request++)
            {
                for (var r = 0; r < 48; r++)
                {
                    test[request * 48 + r].Features.CopyTo(batch, r * Features.Count);
                    for (var j = 0; j < Features.Count; j++)
                    {
                        if (((mask >> j) & 1) != 0)
                        {
                            batch[r * Features.Count + j] = test[request * 48].Features[j];
                        }
                    }
                }

                // (48 rows resolve the 8-leaf trees; 20 rows are too few for them and walk every split)
                foreach (var n in new[] { 48, 20 })
                {
                    evaluator.EvaluateMany(batch, Features.Count, plain.AsSpan(0, n));
                    evaluator.EvaluateMany(batch, Features.Count, resolved.AsSpan(0, n), mask);

                    // Then every row gets exactly the same double
                    for (var r = 0; r < n; r++)
                    {
                        Assert.Equal(BitConverter.DoubleToInt64Bits(plain[r]), BitConverter.DoubleToInt64Bits(resolved[r]));
                    }
                }
            }
        }
    }
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(16)]
    [InlineData(23)]
    [InlineData(32)]
    public void Should_GiveBitIdenticalScores_When_RowsAreScoredByColumns(int leaves)
    {
        // Given an ensemble of trees with up to `leaves` leaves that splits on shared and per-row features
        var ml = new MLContext(13);
        var trainer = new RankingTrainer(new RecommenderOptions { Trees = 12, Leaves = leaves }, 13);
        var train = Rows(6000, 5);
        foreach (var row in train)
        {
            var f = row.Features;
            row.Label = (f[0] * f[1] > 0.6f) ^ (f[12] > 6.5f) ^ (f[14] < 4f) ^ (f[3] + f[7] > 7f);
        }

        var evaluator = TreeEnsembleEvaluator.From(trainer.FitBinary(ml, train).Model.SubModel.TrainedTreeEnsemble);
        Assert.True(evaluator.EvaluatesColumns);

        // When batches of several sizes (one request each, sharing the masked features) are
        // scored row by row and by columns, with both leaf look-ups and several shared sets
        var test = Rows(100 * 12, 6);
        var masks = new[] { 0UL, Features.RequestShared, (1UL << Features.Count) - 1 };
        foreach (var n in new[] { 1, 7, 8, 9, 48, 100 })
        {
            var stride = (n + 7) / 8 * 8 + (n % 3); // strides beyond the padded row count work too
            var columns = new float[Features.Count * stride];
            var one = new double[n];
            var avx = new double[n];
            var portable = new double[n];
            for (var request = 0; request < 12; request++)
            {
                foreach (var mask in masks)
                {
                    columns.AsSpan().Fill(float.NaN); // padding rows hold anything
                    var rows = new float[n][];
                    for (var r = 0; r < n; r++)
                    {
                        rows[r] = (float[])test[(request * 100) + r].Features.Clone();
                        for (var j = 0; j < Features.Count; j++)
                        {
                            if (((mask >> j) & 1) != 0)
                            {
                                rows[r][j] = test[request * 100].Features[j];
                            }

                            columns[(j * stride) + r] = rows[r][j];
                        }

                        one[r] = evaluator.Evaluate(rows[r]);
                    }

                    evaluator.EvaluateColumns(columns, stride, avx, mask);
                    evaluator.EvaluateColumns(columns, stride, portable, mask, avx512: false);

                    // Then every row gets exactly its single-row double
                    for (var r = 0; r < n; r++)
                    {
                        Assert.Equal(BitConverter.DoubleToInt64Bits(one[r]), BitConverter.DoubleToInt64Bits(avx[r]));
                        Assert.Equal(BitConverter.DoubleToInt64Bits(one[r]), BitConverter.DoubleToInt64Bits(portable[r]));
                    }
                }
            }
        }

        // And a stride too short for the padded batch is refused
        Assert.Throws<ArgumentException>(() => evaluator.EvaluateColumns(new float[Features.Count * 8], 8, new double[9]));
    }

    [Fact]
    public void Should_RefuseTheColumnLayout_When_TreesHaveMoreThan32Leaves()
    {
        var ml = new MLContext(17);
        var trainer = new RankingTrainer(new RecommenderOptions { Trees = 3, Leaves = 40 }, 17);
        var train = Rows(6000, 7);
        foreach (var row in train)
        {
            row.Label = row.Features[0] * row.Features[1] * row.Features[2] > 2f;
        }

        var evaluator = TreeEnsembleEvaluator.From(trainer.FitBinary(ml, train).Model.SubModel.TrainedTreeEnsemble);
        Assert.False(evaluator.EvaluatesColumns);
        Assert.Throws<InvalidOperationException>(() => evaluator.EvaluateColumns(new float[Features.Count * 8], 8, new double[1]));
    }
}
