using Parquet;
using Parquet.Schema;

namespace Simulator.Reporting.Logging;

/// <summary>Writes the first rows of a buffered column into a row group: the one step every Parquet log here repeats per column.</summary>
internal static class ParquetColumns
{
    public static void Write<T>(ParquetRowGroupWriter group, DataField field, T[] values, int n)
        where T : struct =>
        group.WriteAsync<T>(field, values.AsMemory(0, n)).GetAwaiter().GetResult();
}
