using System.Globalization;
using System.Text;

namespace Simulator.Scenarios.Calibration;

/// <summary>Writes a calibration profile in the format <see cref="ProfileLoader"/> reads.</summary>
public static class ProfileWriter
{
    /// <summary>The profile's text: provenance first, then one entry per value in the set's order.</summary>
    public static string Write(IReadOnlyList<ProfileValue> values, IReadOnlyList<KeyValuePair<string, string>> provenance)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(provenance);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("# Calibration profile: the fitted defaults every scenario inherits (`calibration: default`).");
        sb.AppendLine("# Written by `simulator calibrate --fit`; refit rather than edit by hand. A scenario's own keys");
        sb.AppendLine("# still win over these values. Parameters, boxes and the loss: README.md, \"Calibration\".");
        sb.AppendLine(inv, $"parameter_set: {FitParameterSet.Name}");
        sb.AppendLine("fitted:");
        foreach (var (k, v) in provenance)
        {
            sb.AppendLine(inv, $"  {k}: {Quote(v)}");
        }

        sb.AppendLine("values:");
        foreach (var v in values)
        {
            var p = v.Parameter;
            var constrained = v.ConstrainedBy.Length == 0 ? "" : $", constrained_by: {v.ConstrainedBy}";
            sb.AppendLine(inv, $"  {p.Path}: {{ value: {Round(v.Value)}, box: [{p.Low.ToString("R", inv)}, {p.High.ToString("R", inv)}]{constrained} }}");
        }

        return sb.ToString();
    }

    // Four significant figures: the fit's own noise is far larger, and a profile should read well.
    private static string Round(double value) => double.Parse(value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
