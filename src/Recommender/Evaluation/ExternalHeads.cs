using Recommender.Ranking;
using Recommender.Ranking.Onnx;

namespace Recommender.Evaluation;

/// <summary>An external ranker's heads, one ONNX call per block.</summary>
internal sealed class ExternalHeads(OnnxRanker ranker) : IBlockScorer
{
    private readonly double[][] _block = [.. Enumerable.Range(0, RankingModel.Heads).Select(_ => new double[256])];
    private readonly double[] _watch = new double[256];

    public bool UsesColumns => false;

    public void Score(float[] rows, float[] columns, int columnStride, int count, float[] lengths, double[][] scores, int first, double[] watchSeconds)
    {
        ranker.Score(rows, count, _block, _watch);
        for (var h = 0; h < RankingModel.Heads; h++)
        {
            _block[h].AsSpan(0, count).CopyTo(scores[h].AsSpan(first, count));
        }

        _watch.AsSpan(0, count).CopyTo(watchSeconds.AsSpan(first, count));
    }
}
