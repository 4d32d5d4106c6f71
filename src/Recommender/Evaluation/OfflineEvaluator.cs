using Recommender.Abstractions;
using Recommender.Ranking;
using Recommender.Ranking.Onnx;
using Recommender.State;

namespace Recommender.Evaluation;

/// <summary>Evaluates a model on the log rows written after it was trained.</summary>
internal static class OfflineEvaluator
{
    public static OfflineEvaluation? Evaluate(RankingModel model, PlatformState state, long fromRow, long windowStartSecond, long now, ValueFormula formula) =>
        Evaluate(new BuiltInHeads(model), state, fromRow, windowStartSecond, now, formula);

    public static OfflineEvaluation? Evaluate(OnnxRanker ranker, PlatformState state, long fromRow, long windowStartSecond, long now, ValueFormula formula) =>
        Evaluate(new ExternalHeads(ranker), state, fromRow, windowStartSecond, now, formula);

    private static OfflineEvaluation? Evaluate(IBlockScorer heads, PlatformState state, long fromRow, long windowStartSecond, long now, ValueFormula formula)
    {
        var log = state.Log;
        // At most the newest 50,000 held-out rows: enough for stable AUCs, cheap to sort.
        var start = Math.Max(Math.Max(fromRow, log.Oldest), log.Written - 50_000);
        var rows = (int)(log.Written - start);
        if (rows < 200)
        {
            return null;
        }

        var headCount = RankingModel.Heads;
        var scores = new double[headCount][];
        var labels = new bool[headCount][];
        for (var h = 0; h < headCount; h++)
        {
            scores[h] = new double[rows];
            labels[h] = new bool[rows];
        }

        // The heads score the rows in blocks, by columns where the trees allow (the same numbers
        // as one row at a time, bit for bit).
        const int block = 256;
        const int stride = Features.Count;
        var rowBlock = new float[block * stride];
        var columnBlock = heads.UsesColumns ? new float[block * stride] : [];
        var lengths = new float[block];
        var watchSeconds = new double[rows];
        for (var first = 0; first < rows; first += block)
        {
            var count = Math.Min(block, rows - first);
            for (var k = 0; k < count; k++)
            {
                var f = log.FeaturesOf(start + first + k);
                f.CopyTo(rowBlock.AsSpan(k * stride, stride));
                lengths[k] = log.Length(start + first + k);
                for (var j = 0; j < stride && columnBlock.Length > 0; j++)
                {
                    columnBlock[(j * block) + k] = f[j];
                }
            }

            heads.Score(rowBlock, columnBlock, block, count, lengths, scores, first, watchSeconds);
        }

        var value = new double[rows];
        var gain = new double[rows];
        var users = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var row = start + i;
            var r = new RankingTrainer.TrainingRow { Features = [], Watch = log.Watch(row), Length = log.Length(row), Reactions = log.ReactionsOf(row) };
            for (var h = 0; h < headCount; h++)
            {
                labels[h][i] = RankingTrainer.Label((Head)h, r);
            }

            value[i] = formula.Predicted(scores, i, watchSeconds[i]);
            var reactions = r.Reactions;
            gain[i] = ((reactions & Reactions.Finished) != 0 ? 1 : 0) + ((reactions & Reactions.Liked) != 0 ? 1 : 0) + ((reactions & Reactions.Shared) != 0 ? 1 : 0);
            users[i] = log.User(row);
        }

        var auc = new double[headCount];
        for (var h = 0; h < headCount; h++)
        {
            auc[h] = Metrics.Auc(scores[h], labels[h]);
        }

        var (gaucFinish, gaucLike, ndcg) = PerUser(users, scores, labels, value, gain);
        var shown = 0;
        for (var v = 0; v < state.Catalog.Count; v++)
        {
            shown += state.Videos.LastShown(v) >= windowStartSecond && state.Videos.Lifetime(v) > 0 ? 1 : 0;
        }

        var coverage = state.Catalog.Count == 0 ? double.NaN : (double)shown / state.Catalog.Count;
        return new OfflineEvaluation(now, rows, auc, gaucFinish, gaucLike, ndcg, coverage);
    }

    private static (double, double, double) PerUser(int[] users, double[][] scores, bool[][] labels, double[] value, double[] gain)
    {
        var byUser = new Dictionary<int, List<int>>();
        for (var i = 0; i < users.Length; i++)
        {
            if (!byUser.TryGetValue(users[i], out var list))
            {
                list = [];
                byUser[users[i]] = list;
            }

            list.Add(i);
        }

        double finishSum = 0, finishWeight = 0, likeSum = 0, likeWeight = 0, ndcgSum = 0;
        var ndcgUsers = 0;
        foreach (var (_, rows) in byUser.OrderBy(kv => kv.Key))
        {
            var f = Group(rows, scores[(int)Head.Finish], labels[(int)Head.Finish]);
            if (!double.IsNaN(f))
            {
                finishSum += f * rows.Count;
                finishWeight += rows.Count;
            }

            var l = Group(rows, scores[(int)Head.Like], labels[(int)Head.Like]);
            if (!double.IsNaN(l))
            {
                likeSum += l * rows.Count;
                likeWeight += rows.Count;
            }

            var nd = Metrics.NdcgAtK(rows.Select(i => value[i]).ToArray(), rows.Select(i => gain[i]).ToArray(), 10);
            if (!double.IsNaN(nd))
            {
                ndcgSum += nd;
                ndcgUsers++;
            }
        }

        return (finishWeight > 0 ? finishSum / finishWeight : double.NaN, likeWeight > 0 ? likeSum / likeWeight : double.NaN, ndcgUsers > 0 ? ndcgSum / ndcgUsers : double.NaN);
    }

    private static double Group(List<int> rows, double[] scores, bool[] labels) =>
        Metrics.Auc(rows.Select(i => scores[i]).ToArray(), rows.Select(i => labels[i]).ToArray());
}
