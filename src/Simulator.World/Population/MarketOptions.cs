using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Simulator.World.Schema;

namespace Simulator.World.Population;

/// <summary>
/// One market's own device and age profile. Users whose country is this market draw their
/// device class and generation from these shares instead of the population-wide ones, so a
/// world can mix, say, an iOS-heavy, older US with Android-heavy, younger South and Southeast
/// Asian markets. A mix left out (null) falls back to the population-wide shares.
/// </summary>
[ImmutableObject(true)]
public sealed record MarketOptions : IValidatableObject
{
    /// <summary>The market's ISO country code.</summary>
    [Description("The market (ISO code: US ID BR MX PK PH GB DE FR JP VN TH TR EG SA NG CA AU).")]
    public string Country { get; init; } = "";

    /// <summary>Device shares of this market's users; null = population.devices.</summary>
    [Description("Share of this market's users on each device class (ios, android_high, android_low); must sum to 1. Omitted: population.devices.")]
    [Shares(typeof(Population.Devices), nameof(Population.Devices.Keys))]
    public Dictionary<string, double>? Devices { get; init; }

    /// <summary>Generation shares of this market's users; null = population.generations.</summary>
    [Description("Share of this market's users in each generation (gen_z, millennial, gen_x, boomer); must sum to 1. Omitted: population.generations.")]
    [Shares(typeof(Population.Generations), nameof(Population.Generations.Keys))]
    public Dictionary<string, double>? Generations { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Countries.IndexOf(Country) < 0)
        {
            yield return new ValidationResult(
                Country.Length == 0
                    ? $"a market needs its country; allowed: {string.Join(", ", Countries.Codes)}."
                    : $"unknown country '{Country}'; allowed: {string.Join(", ", Countries.Codes)}.",
                [nameof(Country)]);
        }

        if (Devices is null && Generations is null)
        {
            yield return new ValidationResult($"market '{Country}' sets neither devices nor generations; give at least one, or drop the entry.");
        }
    }
}
