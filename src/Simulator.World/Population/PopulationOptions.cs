using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Simulator.World.Schema;

namespace Simulator.World.Population;

/// <summary>Who the synthetic users are. Every distribution has a calibrated default.</summary>
[ImmutableObject(true)]
public sealed record PopulationOptions : IValidatableObject
{
    /// <summary>Number of synthetic users.</summary>
    [Description("Number of synthetic users.")]
    [Range(1, 20_000_000)]
    public int Size { get; init; } = 10_000;

    /// <summary>Generation shares. Default from DESIGN.md §6 (share ∝ penetration × population, CALIBRATION.md §3).</summary>
    [Description("Share of users in each generation (gen_z 13–28, millennial 29–44, gen_x 45–60, boomer 61–79); must sum to 1.")]
    [Shares(typeof(Population.Generations), nameof(Population.Generations.Keys))]
    public Dictionary<string, double> Generations { get; init; } = new()
    {
        ["gen_z"] = 0.45,
        ["millennial"] = 0.35,
        ["gen_x"] = 0.15,
        ["boomer"] = 0.05,
    };

    /// <summary>Country shares. Default: TikTok's six largest markets by users, 2025 (CALIBRATION.md §3, Statista).</summary>
    [Description("Share of users in each country (ISO codes: US ID BR MX PK PH GB DE FR JP VN TH TR EG SA NG CA AU); must sum to 1.")]
    [Shares(typeof(Population.Countries), nameof(Population.Countries.Codes))]
    public Dictionary<string, double> Countries { get; init; } = new()
    {
        // 135.8, 107.7, 91.8, 85.4, 66.9, 62.3 M users, normalised (sum 549.9 M).
        ["US"] = 0.247,
        ["ID"] = 0.196,
        ["BR"] = 0.167,
        ["MX"] = 0.155,
        ["PK"] = 0.122,
        ["PH"] = 0.113,
    };

    /// <summary>Gender shares. Default from TikTok's global audience, Feb 2025 (CALIBRATION.md §3, Statista: men 18–34 37.3 % vs women 28.7 % of users).</summary>
    [Description("Share of users by gender (female, male); must sum to 1.")]
    [Shares(typeof(Population.Genders), nameof(Population.Genders.Keys))]
    public Dictionary<string, double> Genders { get; init; } = new()
    {
        ["female"] = 0.435,
        ["male"] = 0.565,
    };

    /// <summary>Share of users who ever post. Pew (CALIBRATION.md §3): about half of adult users never post.</summary>
    [Description("Share of users who also post videos (Pew: about half of adult users never post).")]
    [Range(0.0, 1.0)]
    public double PosterShare { get; init; } = 0.5;

    /// <summary>Share of users who install during the run instead of being existing users on day 0.</summary>
    [Description("Share of users who install the app during the simulated span (at one rate over the warm-up and the reported days) instead of being there before it. Retention metrics are measured on the cohorts that install on reported days, as the published benchmarks are.")]
    [Range(0.0, 1.0)]
    public double InstallingShare { get; init; } = 0.2;

    /// <summary>Usage types of the users already there on day 0.</summary>
    [Description("Share of the existing base by usage type (light, casual, core); must sum to 1. Core ≈ 29 %: the share of TikTok installs opening it daily (Sensor Tower Q2 2022, CALIBRATION.md §1); the light/casual split is not published (even split of the rest).")]
    [Shares(typeof(Behaviour.UsageTypes), nameof(Behaviour.UsageTypes.BaseKeys))]
    public Dictionary<string, double> BaseMix { get; init; } = new()
    {
        ["light"] = 0.355,
        ["casual"] = 0.355,
        ["core"] = 0.29,
    };

    /// <summary>Usage types of the users who install during the run.</summary>
    [Description("Share of installs by installer type (trial, casual, core); must sum to 1. Derived from the retention benchmarks of CALIBRATION.md §1 (C): about half of installs do not return the next day (trial ≈ 0.55), 12–18 % are still active at D30 (core ≈ 0.15), casual the rest.")]
    [Shares(typeof(Behaviour.UsageTypes), nameof(Behaviour.UsageTypes.InstallerKeys))]
    public Dictionary<string, double> InstallerMix { get; init; } = new()
    {
        ["trial"] = 0.55,
        ["casual"] = 0.30,
        ["core"] = 0.15,
    };

    /// <summary>Hidden trait means.</summary>
    [Description("Means of the hidden traits drawn per user.")]
    public TraitOptions Traits { get; init; } = new();

    /// <summary>Device shares. Default: global Android ≈ 70 % (CALIBRATION.md §3, StatCounter), split evenly high/low (a guess).</summary>
    [Description("Share of users on each device class (ios, android_high, android_low); must sum to 1.")]
    [Shares(typeof(Population.Devices), nameof(Population.Devices.Keys))]
    public Dictionary<string, double> Devices { get; init; } = new()
    {
        ["ios"] = 0.30,
        ["android_high"] = 0.35,
        ["android_low"] = 0.35,
    };

    /// <summary>Per-market device and age profiles that override <see cref="Devices"/> and <see cref="Generations"/> for that market's users.</summary>
    [Description("Per-market device and generation mixes: a list of { country, devices, generations }. A user's device class and generation come from their country's entry when it has one, else from population.devices / population.generations.")]
    public List<MarketOptions> Markets { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in Markets)
        {
            if (m.Country.Length > 0 && !seen.Add(m.Country))
            {
                yield return new ValidationResult($"market '{m.Country}' is listed twice; give each country one entry.", [nameof(Markets)]);
            }
        }
    }
}
