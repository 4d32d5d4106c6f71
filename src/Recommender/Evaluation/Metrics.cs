namespace Recommender.Evaluation;

/// <summary>Ranking metrics on small arrays; exact, with ties given half credit.</summary>
public static class Metrics
{
    /// <summary>Area under the ROC curve (Mann–Whitney); NaN when either class is absent.</summary>
    public static double Auc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var n = scores.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var s = scores.ToArray();
        Array.Sort(s, order);
        double rankSumPositive = 0;
        long positives = 0;
        var k = 0;
        while (k < n)
        {
            var j = k;
            while (j + 1 < n && s[j + 1] == s[k])
            {
                j++;
            }

            var averageRank = (k + j) / 2.0 + 1;
            for (var m = k; m <= j; m++)
            {
                if (labels[order[m]])
                {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }

            k = j + 1;
        }

        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>NDCG@k of items in the given order of <paramref name="scores"/> (descending) against <paramref name="gains"/>.</summary>
    public static double NdcgAtK(ReadOnlySpan<double> scores, ReadOnlySpan<double> gains, int k)
    {
        var n = scores.Length;
        var byScore = new int[n];
        var byGain = new int[n];
        for (var i = 0; i < n; i++)
        {
            byScore[i] = i;
            byGain[i] = i;
        }

        var s = scores.ToArray();
        var g = gains.ToArray();
        Array.Sort(byScore, (a, b) => s[b].CompareTo(s[a]) != 0 ? s[b].CompareTo(s[a]) : a.CompareTo(b));
        Array.Sort(byGain, (a, b) => g[b].CompareTo(g[a]) != 0 ? g[b].CompareTo(g[a]) : a.CompareTo(b));
        double dcg = 0, ideal = 0;
        for (var i = 0; i < Math.Min(k, n); i++)
        {
            var discount = 1.0 / Math.Log2(i + 2);
            dcg += (Math.Pow(2, g[byScore[i]]) - 1) * discount;
            ideal += (Math.Pow(2, g[byGain[i]]) - 1) * discount;
        }

        return ideal > 0 ? dcg / ideal : double.NaN;
    }
}
