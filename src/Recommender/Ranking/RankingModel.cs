namespace Recommender.Ranking;

/// <summary>
/// One trained snapshot of the ranking heads: a calibrated tree ensemble per binary objective and
/// a watch-time head that predicts the within-duration quantile of watch time (D2Q, arXiv
/// 2206.06003, CALIBRATION.md §6) with the quantile tables to turn it back into seconds.
/// Immutable once built; swapped in whole at a tick boundary.
/// </summary>
internal sealed class RankingModel
{
    public const int Heads = 7;

    // Duration buckets for D2Q labels: the edges of the completion table (CALIBRATION.md §1).
    private static readonly float[] BucketEdges = [11f, 22f, 45f, 75f, 135f, 390f];
    public const int QuantilePoints = 21;

    public RankingModel(TreeEnsembleEvaluator?[] heads, double[] slopes, double[] offsets, double[] priors, TreeEnsembleEvaluator? watch, float[] quantiles, long trainedAt, int rows)
    {
        HeadModels = heads;
        Slopes = slopes;
        Offsets = offsets;
        Priors = priors;
        Watch = watch;
        Quantiles = quantiles;
        TrainedAt = trainedAt;
        Rows = rows;
        EvaluatesColumns = heads.All(h => h is null || h.EvaluatesColumns) && (watch is null || watch.EvaluatesColumns);
    }

    /// <summary>Whether every head can score a column-major batch (trees of at most 32 leaves; see <see cref="TreeEnsembleEvaluator.EvaluateColumns(ReadOnlySpan{float}, int, Span{double}, ulong)"/>).</summary>
    public bool EvaluatesColumns { get; }

    public TreeEnsembleEvaluator?[] HeadModels { get; }

    /// <summary>Platt calibration: P = 1 / (1 + exp(slope·score + offset)).</summary>
    public double[] Slopes { get; }

    public double[] Offsets { get; }

    /// <summary>Base rates, used for heads that had too few positives to train.</summary>
    public double[] Priors { get; }

    public TreeEnsembleEvaluator? Watch { get; }

    /// <summary>Per bucket, watch seconds at quantiles 0, 0.05, …, 1 of the training sample.</summary>
    public float[] Quantiles { get; }

    public long TrainedAt { get; }

    public int Rows { get; }

    public static int BucketOf(float length)
    {
        for (var i = 0; i < BucketEdges.Length; i++)
        {
            if (length < BucketEdges[i])
            {
                return i;
            }
        }

        return BucketEdges.Length;
    }

    public static int Buckets => BucketEdges.Length + 1;

    /// <summary>The duration bucket edges in seconds, ascending.</summary>
    public static IReadOnlyList<float> Edges => BucketEdges;

    /// <summary>
    /// The head's calibrated probability (Platt: 1 / (1 + exp(slope·score + offset)); the prior
    /// for a head too rare to train) for every row of a batch, into <paramref name="output"/>,
    /// by columns where the batch has them and the head's trees allow it, else row by row: the
    /// same numbers either way.
    /// </summary>
    public void ProbabilityMany(Head head, in FeatureBatch batch, Span<double> output)
    {
        var h = (int)head;
        var m = HeadModels[h];
        if (m is null)
        {
            output.Fill(Priors[h]);
            return;
        }

        Raw(m, batch, output);
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = 1.0 / (1.0 + Math.Exp(Slopes[h] * output[i] + Offsets[h]));
        }
    }

    /// <summary>Raw watch-head outputs for every row of a batch (0.5 without a watch head); see <see cref="ExpectedWatchSeconds(double, float)"/>.</summary>
    public void WatchScoresMany(in FeatureBatch batch, Span<double> output)
    {
        if (Watch is null)
        {
            output.Fill(0.5);
            return;
        }

        Raw(Watch, batch, output);
    }

    private static void Raw(TreeEnsembleEvaluator m, in FeatureBatch batch, Span<double> output)
    {
        if (!batch.Columns.IsEmpty && m.EvaluatesColumns)
        {
            m.EvaluateColumns(batch.Columns, batch.ColumnStride, output, batch.SharedFeatures);
        }
        else
        {
            m.EvaluateMany(batch.Rows, batch.Stride, output, batch.SharedFeatures);
        }
    }

    /// <summary>Expected watch seconds from the watch head's raw output.</summary>
    public double ExpectedWatchSeconds(double watchScore, float length)
    {
        var q = Math.Clamp(watchScore, 0, 1);
        var b = BucketOf(length);
        var pos = q * (QuantilePoints - 1);
        var i = Math.Min(QuantilePoints - 2, (int)pos);
        var row = Quantiles.AsSpan(b * QuantilePoints, QuantilePoints);
        var seconds = row[i] + (row[i + 1] - row[i]) * (pos - i);
        return seconds > 0 ? seconds : 0.5 * length;
    }
}
