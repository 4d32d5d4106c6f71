using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Marketing;

/// <summary>
/// Who a campaign is for, in terms a platform's ad system sees: age group, country, account
/// type, and (optionally) users whose logged engagement shows interest in the product category.
/// Empty lists mean everyone.
/// </summary>
[ImmutableObject(true)]
public sealed record TargetOptions : IValidatableObject
{
    [Description("Generations to reach (gen_z, millennial, gen_x, boomer); empty = all.")]
    public List<string> Generations { get; init; } = [];

    [Description("Countries to reach (ISO codes); empty = all.")]
    public List<string> Countries { get; init; } = [];

    [Description("Account types to reach (teen, adult); empty = all. Ads are never shown to teens unless 'teen' is listed.")]
    public List<string> Accounts { get; init; } = [];

    [Description("Reach only users whose logged watch history leans to the product category (the platform's interest targeting).")]
    public bool InterestedOnly { get; init; }

    /// <summary>True when nothing narrows the audience.</summary>
    public bool IsEveryone => Generations.Count == 0 && Countries.Count == 0 && Accounts.Count == 0 && !InterestedOnly;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var r in Check(Generations, Simulator.World.Population.Generations.Keys, nameof(Generations)))
        {
            yield return r;
        }

        foreach (var r in Check(Countries, Simulator.World.Population.Countries.Codes, nameof(Countries)))
        {
            yield return r;
        }

        foreach (var r in Check(Accounts, ["teen", "adult"], nameof(Accounts)))
        {
            yield return r;
        }
    }

    private static IEnumerable<ValidationResult> Check(List<string> values, string[] allowed, string member)
    {
        foreach (var v in values.Where(v => !allowed.Contains(v)))
        {
            yield return new ValidationResult($"unknown segment '{v}'; allowed: {string.Join(", ", allowed)}.", [member]);
        }
    }
}
