using System.Globalization;

namespace Simulator.Reporting.Output;

/// <summary>Shared conventions of the CSV outputs: invariant round-trip numbers, empty cells for values that could not be measured.</summary>
internal static class CsvFormat
{
    /// <summary>Round-trip invariant text, or an empty cell for NaN and infinities.</summary>
    public static string Number(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary><paramref name="num"/> / <paramref name="den"/>, or an empty cell when the denominator is 0.</summary>
    public static string Ratio(double num, double den) => den > 0 ? Number(num / den) : "";
}
