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
        var schema = SchemaDefinition.Create(typeof(RankingTrainer.BinaryRow));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Features.Count);
        var predictions = ml.Data.CreateEnumerable<Prediction>(model.Transform(ml.Data.LoadFromEnumerable(test, schema)), reuseRowObject: false).ToList();

        // Then raw scores and calibrated probabilities agree within 1e-5
        for (var i = 0; i < test.Count; i++)
        {
            var raw = evaluator.Evaluate(test[i].Features);
            Assert.Equal(predictions[i].Score, raw, 1e-5);
            Assert.Equal(predictions[i].Probability, 1.0 / (1.0 + Math.Exp(slope * raw + offset)), 1e-5);
        }

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
}
