using System.Globalization;
using Simulator.Scenarios.Loading;
using Simulator.Scenarios.Model;

namespace Simulator.Scenarios.Calibration;

/// <summary>Reads a numeric option of a bound scenario by its dotted scenario key.</summary>
public static class ScenarioValues
{
    /// <summary>The value at <paramref name="path"/> (option records only, no list items); throws if the key is not a number.</summary>
    public static double At(Scenario scenario, string path)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(path);
        object current = scenario;
        foreach (var segment in path.Split('.'))
        {
            if (!OptionProperties.Of(current.GetType()).TryGetValue(segment, out var prop) || prop.GetValue(current) is not { } next)
            {
                throw new ArgumentException($"'{path}' is not an option of the scenario.", nameof(path));
            }

            current = next;
        }

        return Convert.ToDouble(current, CultureInfo.InvariantCulture);
    }
}
