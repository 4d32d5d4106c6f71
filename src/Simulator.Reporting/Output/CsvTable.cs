using System.Globalization;
using CsvHelper;

namespace Simulator.Reporting.Output;

/// <summary>One CSV column: its header and how a row's cell is made (a string as is, a number through CsvHelper's invariant converters).</summary>
internal readonly record struct CsvColumn<TRow>(string Name, Func<TRow, object> Value);

/// <summary>
/// A CSV format as one table of columns, so that a file's header and its values cannot drift
/// apart: each column names itself and makes its cell.
/// </summary>
internal sealed class CsvTable<TRow>(IReadOnlyList<CsvColumn<TRow>> columns)
{
    /// <summary>The header, in column order.</summary>
    public IEnumerable<string> Header => columns.Select(c => c.Name);

    public void Write(string path, IEnumerable<TRow> rows)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var c in columns)
        {
            csv.WriteField(c.Name);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var c in columns)
            {
                csv.WriteField(c.Value(row));
            }

            csv.NextRecord();
        }
    }
}
