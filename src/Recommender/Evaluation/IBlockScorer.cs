namespace Recommender.Evaluation;

/// <summary>Whatever ranks: scores a block of held-out log rows for offline evaluation.</summary>
internal interface IBlockScorer
{
    /// <summary>Whether <see cref="Score"/> reads the column-major copy of the block.</summary>
    bool UsesColumns { get; }

    /// <summary>
    /// Scores the block's <paramref name="count"/> rows (row-major in <paramref name="rows"/>;
    /// column-major with stride <paramref name="columnStride"/> in <paramref name="columns"/> when
    /// <see cref="UsesColumns"/>): every head's probability into <paramref name="scores"/>[h] and
    /// the expected watch seconds into <paramref name="watchSeconds"/>, from index <paramref name="first"/>.
    /// </summary>
    void Score(float[] rows, float[] columns, int columnStride, int count, float[] lengths, double[][] scores, int first, double[] watchSeconds);
}
