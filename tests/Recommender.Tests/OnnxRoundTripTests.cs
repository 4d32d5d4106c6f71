using Recommender.Abstractions;
using Recommender.Ranking;
using Recommender.Ranking.Onnx;
using Recommender.State;

namespace Recommender.Tests;

public sealed class OnnxRoundTripTests
{
    // A log of synthetic impressions with learnable outcomes; comments never happen, so that head
    // stays at its prior.
    internal static TrainingLog SyntheticLog(int rows, ulong seed)
    {
        var log = new TrainingLog(rows, seed);
        for (var i = 0; i < rows; i++)
        {
            var f = log.NextFeatures();
            Fill(f, seed, i);
            var length = MathF.Exp(f[(int)Feature.VideoLogLength]);
            var u = (float)StableHash.Unit(StableHash.Hash(seed, (ulong)i, 7, 3));
            var share = f[(int)Feature.VideoFinishRate] * f[(int)Feature.UserTopicAffinity] / 5f;
            var watch = length * Math.Clamp(share + (0.6f * u), 0.02f, 1f);
            var r = Reactions.None;
            if (watch >= length) r |= Reactions.Finished;
            if (u > 0.7f && f[(int)Feature.EmbeddingScore] > 0) r |= Reactions.Liked;
            if (u > 0.93f) r |= Reactions.Shared;
            if (u < 0.05f && f[(int)Feature.FollowsCreator] == 0) r |= Reactions.Followed;
            if (u < 0.04f) r |= Reactions.NotInterested;
            log.Commit(i % 97, i * 10L, watch, length, r, 1f, i % 500);
        }

        return log;
    }

    internal static void Fill(Span<float> f, ulong seed, int i)
    {
        for (var j = 0; j < f.Length; j++)
        {
            f[j] = (float)StableHash.Unit(StableHash.Hash(seed, (ulong)i, (ulong)j, 1));
        }

        f[(int)Feature.UserTopicAffinity] *= 5;
        f[(int)Feature.EmbeddingScore] = (2 * f[(int)Feature.EmbeddingScore]) - 1;
        f[(int)Feature.VideoLogLength] = MathF.Log(5f + (200f * f[(int)Feature.VideoLogLength]));
        f[(int)Feature.LocalHour] = MathF.Floor(24 * f[(int)Feature.LocalHour]);
        f[(int)Feature.FollowsCreator] = f[(int)Feature.FollowsCreator] < 0.2f ? 1 : 0;
    }

    [Fact]
    public void Should_ReproduceTheNativeScores_When_TheExportedRankerIsScoredByOnnxRuntime()
    {
        // Given ranking heads trained by the core on a log
        var trainer = new RankingTrainer(new RecommenderOptions { Trees = 30, Leaves = 16, TrainingRows = 6000 }, 5, threads: 1);
        var model = trainer.Train(SyntheticLog(6000, 5), 60_000);
        Assert.NotNull(model);
        Assert.Null(model.HeadModels[(int)Head.Comment]);
        Assert.NotNull(model.HeadModels[(int)Head.Like]);

        // When they are exported to ONNX and loaded back as an external ranker
        var path = Path.Combine(Path.GetTempPath(), $"ranker-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var file = File.Create(path))
            {
                RankerExport.Write(model, file);
            }

            using var onnx = OnnxRanker.Load(path);

            // Then on unseen rows every head's probability agrees within 1e-5 and the expected
            // watch time within 1e-4 relative (float32 in ONNX, float64 in the core)
            const int n = 400;
            var rows = new float[n * Features.Count];
            var lengths = new float[n];
            for (var i = 0; i < n; i++)
            {
                var f = rows.AsSpan(i * Features.Count, Features.Count);
                Fill(f, 77, i);
                lengths[i] = MathF.Exp(f[(int)Feature.VideoLogLength]);
            }

            var external = new double[RankingModel.Heads][];
            var native = new double[RankingModel.Heads][];
            for (var h = 0; h < RankingModel.Heads; h++)
            {
                external[h] = new double[n];
                native[h] = new double[n];
                model.ProbabilityMany((Head)h, new FeatureBatch(rows, Features.Count, default, 0, 0), native[h]);
            }

            var watch = new double[n];
            onnx.Score(rows, n, external, watch);
            var raw = new double[n];
            model.WatchScoresMany(new FeatureBatch(rows, Features.Count, default, 0, 0), raw);
            var spread = 0.0;
            for (var i = 0; i < n; i++)
            {
                for (var h = 0; h < RankingModel.Heads; h++)
                {
                    Assert.Equal(native[h][i], external[h][i], 1e-5);
                }

                var seconds = model.ExpectedWatchSeconds(raw[i], lengths[i]);
                Assert.Equal(seconds, watch[i], Math.Max(1e-3, 1e-4 * seconds));
                spread = Math.Max(spread, Math.Abs(native[(int)Head.Like][i] - native[(int)Head.Like][0]));
            }

            // And the heads really vary across rows (a constant model would pass trivially)
            Assert.True(spread > 0.05, $"like probabilities vary by only {spread}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
