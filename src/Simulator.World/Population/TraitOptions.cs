using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Population;

/// <summary>
/// Means of the hidden psychological traits, each drawn per user from a Beta distribution with
/// this mean and concentration 4 (so individuals vary widely). No published population means
/// exist for these; 0.5 is a neutral default and scenario docs must say so.
/// </summary>
[ImmutableObject(true)]
public sealed record TraitOptions
{
    [Description("Mean novelty seeking (0–1): how strongly repetition tires a user and satiation bites.")]
    [Range(0.01, 0.99)]
    public double NoveltySeeking { get; init; } = 0.5;

    [Description("Mean authenticity preference (0–1): how much a user values amateur, authentic-feeling videos over polished ones.")]
    [Range(0.01, 0.99)]
    public double AuthenticityPreference { get; init; } = 0.5;

    [Description("Mean social-proof sensitivity (0–1): how much visible likes raise a video's appeal.")]
    [Range(0.01, 0.99)]
    public double SocialProofSensitivity { get; init; } = 0.5;

    [Description("Mean ad tolerance (0–1): used by sponsored content (creator-marketing issue).")]
    [Range(0.01, 0.99)]
    public double AdTolerance { get; init; } = 0.5;

    [Description("Mean purchase propensity (0–1): used by shoppable content (creator-marketing issue).")]
    [Range(0.01, 0.99)]
    public double PurchasePropensity { get; init; } = 0.2;
}
