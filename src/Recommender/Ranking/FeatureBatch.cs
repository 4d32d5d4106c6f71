namespace Recommender.Ranking;

/// <summary>
/// The features of one request's fully ranked candidates, as the heads read them: column-major
/// (feature f of row r at f × <see cref="ColumnStride"/> + r, the stride a multiple of 8 at
/// least the row count), for the evaluator's eight-rows-per-vector layout, when every head's
/// trees allow it; else row-major (<see cref="Stride"/> features per row). Every row holds the
/// same value in the features flagged in <see cref="SharedFeatures"/> (one bit per feature).
/// </summary>
internal readonly ref struct FeatureBatch(ReadOnlySpan<float> rows, int stride, ReadOnlySpan<float> columns, int columnStride, ulong sharedFeatures)
{
    /// <summary>Empty when the batch is read by columns only.</summary>
    public ReadOnlySpan<float> Rows { get; } = rows;

    public int Stride { get; } = stride;

    /// <summary>Empty when the batch has no column copy.</summary>
    public ReadOnlySpan<float> Columns { get; } = columns;

    public int ColumnStride { get; } = columnStride;

    public ulong SharedFeatures { get; } = sharedFeatures;
}
