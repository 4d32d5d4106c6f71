using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Recommender;
using Simulator.World.Behaviour;
using Simulator.World.Content;
using Simulator.World.Policies;
using Simulator.World.Population;

namespace Simulator.Scenarios.Model;

/// <summary>One scenario file. Every key has a default, so a file states only what it changes.</summary>
[ImmutableObject(true)]
public sealed record Scenario
{
    /// <summary>Scenario name; also the results folder name.</summary>
    [Description("Scenario name, used as the results folder name (letters, digits, '-', '_'). Default: the file name.")]
    [RegularExpression("^[A-Za-z0-9_-]*$")]
    public string Name { get; init; } = "";

    /// <summary>What the scenario asks.</summary>
    [Description("What this scenario asks, in a sentence or two.")]
    public string Description { get; init; } = "";

    /// <summary>Run seed; replication r uses seed + r.</summary>
    [Description("Run seed. Replication r uses a seed derived from (seed, r); the same seed gives the same bytes.")]
    public ulong Seed { get; init; } = 1;

    /// <summary>Independent replications.</summary>
    [Description("Independent replications; summary.json reports means with 95 % confidence intervals over them.")]
    [Range(1, 1000)]
    public int Replications { get; init; } = 1;

    /// <summary>The calibration profile this scenario inherits its behaviour defaults from.</summary>
    [Description("Calibration profile whose fitted values are this scenario's behaviour defaults (its own keys still win): `default` (the committed scenarios/calibration/default.yaml, built into the binary), `none` (the code's uncalibrated defaults), or a profile file's path relative to this file, as written by `simulator calibrate --fit`.")]
    public string Calibration { get; init; } = "default";

    /// <summary>Run length and tick.</summary>
    [Description("Run length and tick length.")]
    public DurationOptions Duration { get; init; } = new();

    /// <summary>Who the users are.</summary>
    [Description("The synthetic population.")]
    public PopulationOptions Population { get; init; } = new();

    /// <summary>Creators and uploads.</summary>
    [Description("Content supply: creators, starting catalogue, uploads.")]
    public ContentOptions Content { get; init; } = new();

    /// <summary>User-model coefficients.</summary>
    [Description("Coefficients of the user behaviour model.")]
    public BehaviourOptions Behaviour { get; init; } = new();

    /// <summary>The recommender configuration.</summary>
    [Description("The recommender core: policy, value weights, serving parameters.")]
    public RecommenderOptions Recommender { get; init; } = new();

    /// <summary>Platform policies such as daily limits and curfews.</summary>
    [Description("Platform policies: a list of items, each `daily_limit: {...}` or `curfew: {...}`.")]
    public List<PolicyOptions> Policies { get; init; } = [];

    /// <summary>Creator-marketing campaigns.</summary>
    [Description("Creator-marketing campaigns: brand, product, target, budget, dates, tier mix, format, disclosure (DESIGN.md §4).")]
    public List<Simulator.World.Marketing.CampaignOptions> Campaigns { get; init; } = [];

    /// <summary>How users respond to campaign content.</summary>
    [Description("How users respond to campaign content: trust, disclosure penalty, ad aversion, conversion and brand affinity.")]
    public Simulator.World.Marketing.MarketingOptions Marketing { get; init; } = new();

    /// <summary>Guardrails checked by <c>simulator compare</c>.</summary>
    [Description("Limits every variant must respect against the baseline in `simulator compare`.")]
    public List<Guardrail> Guardrails { get; init; } = [];
}
