using Recommender.Ranking;

namespace Recommender.Evaluation;

/// <summary>The built-in heads, by columns where the trees allow (bit for bit the same as row by row).</summary>
internal sealed class BuiltInHeads(RankingModel model) : IBlockScorer
{
    private readonly double[] _raw = new double[256];

    public bool UsesColumns => model.EvaluatesColumns;

    public void Score(float[] rows, float[] columns, int columnStride, int count, float[] lengths, double[][] scores, int first, double[] watchSeconds)
    {
        var batch = new FeatureBatch(rows.AsSpan(0, count * Features.Count), Features.Count, columns, columnStride, 0);
        for (var h = 0; h < RankingModel.Heads; h++)
        {
            model.ProbabilityMany((Head)h, batch, scores[h].AsSpan(first, count));
        }

        var raw = _raw.Length >= count ? _raw : new double[count];
        model.WatchScoresMany(batch, raw.AsSpan(0, count));
        for (var k = 0; k < count; k++)
        {
            watchSeconds[first + k] = model.ExpectedWatchSeconds(raw[k], lengths[k]);
        }
    }
}
