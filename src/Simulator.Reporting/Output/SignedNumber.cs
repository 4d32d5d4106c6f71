using System.Globalization;

namespace Simulator.Reporting.Output;

/// <summary>Numbers with an explicit sign, and none when they round to zero (custom formats would print "-+0.00").</summary>
internal static class SignedNumber
{
    public static string Format(double value, string format = "0.00")
    {
        if (!double.IsFinite(value))
        {
            return "–";
        }

        var text = Math.Abs(value).ToString(format, CultureInfo.InvariantCulture);
        return double.Parse(text, CultureInfo.InvariantCulture) == 0 ? text : (value > 0 ? "+" : "-") + text;
    }
}
