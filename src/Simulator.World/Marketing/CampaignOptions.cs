using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Simulator.World.Content;
using Simulator.World.Schema;

namespace Simulator.World.Marketing;

/// <summary>
/// A creator-marketing campaign (DESIGN.md §4, §6). Budgets and per-post prices are in USD at
/// the tier reference population (content.tier_reference_users) and scale with the simulated
/// population, so a budget buys the same share of the audience in any size of world; CPMs are
/// per thousand impressions and do not scale.
/// </summary>
[ImmutableObject(true)]
public sealed record CampaignOptions : IValidatableObject
{
    [Description("Campaign name: letters, digits, '-' or '_'; metric keys are campaigns.<name>.*.")]
    public string Name { get; init; } = "";

    [Description("Brand running the campaign (display only).")]
    public string Brand { get; init; } = "";

    [Description("What is sold.")]
    public ProductOptions Product { get; init; } = new();

    [Description("Who the campaign is for.")]
    public TargetOptions Target { get; init; } = new();

    [Description("Budget in USD at the tier reference population; must be positive.")]
    [Range(0.01, 1e12)]
    public double Budget { get; init; } = 10_000;

    [Description("First day of the campaign (0 = first reported day); start_day + days must fit in the run.")]
    [Range(0, 3650)]
    public int StartDay { get; init; }

    [Description("Campaign length in days; paid placements pace the budget evenly over these days.")]
    [Range(1, 3650)]
    public int Days { get; init; } = 7;

    [Description("Format: sponsored, ugc_ad, live_shopping, subscriber_drop, employee_advocacy.")]
    public CampaignFormat Format { get; init; } = CampaignFormat.Sponsored;

    [Description("Budget share by creator tier (nano, micro, mid, macro, mega); must sum to 1. Not used by employee_advocacy.")]
    [Shares(typeof(CreatorTiers), nameof(CreatorTiers.Keys))]
    public Dictionary<string, double> Tiers { get; init; } = new() { ["micro"] = 1.0 };

    [Description("Creator types that may be hired (amateur, professional, ugc); empty = any. ugc_ad hires ugc creators unless this says otherwise.")]
    public List<CreatorType> CreatorTypes { get; init; } = [];

    [Description("Whether sponsored content carries a paid-partnership label; users who value authenticity engage less with labelled content.")]
    public bool Disclosure { get; init; } = true;

    [Description("Videos each hired creator or advocate posts.")]
    [Range(1, 100)]
    public int PostsPerCreator { get; init; } = 1;

    [Description("Employees who post for employee_advocacy.")]
    [Range(1, 100_000)]
    public int Advocates { get; init; } = 20;

    [Description("Stipend per employee advocate, USD at the reference population.")]
    [Range(0.0, 1e9)]
    public double AdvocateStipend { get; init; } = 50;

    [Description("Paid placements: at most one ad per this many feed items (CALIBRATION.md §5: 1 ad per 5–10 videos).")]
    [Range(2, 100)]
    public int AdEvery { get; init; } = 8;

    [Description("Paid placements: most times one user sees this campaign per day.")]
    [Range(1, 100)]
    public int FrequencyCap { get; init; } = 3;

    [Description("live_shopping: the event.")]
    public LiveOptions Live { get; init; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Name.Length == 0 || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            yield return new ValidationResult("a campaign needs a name of letters, digits, '-' or '_'.", [nameof(Name)]);
        }

        if (CreatorTypes.Any(t => t is CreatorType.EmployeeAdvocate or CreatorType.BrandAccount or CreatorType.Personal))
        {
            yield return new ValidationResult("creator_types lists creators to hire: amateur, professional or ugc (employee advocates come with format employee_advocacy).", [nameof(CreatorTypes)]);
        }
    }
}
