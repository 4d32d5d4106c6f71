using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Marketing;

/// <summary>What a campaign sells.</summary>
[ImmutableObject(true)]
public sealed record ProductOptions
{
    [Description("Price in USD; conversion falls with price (elasticity −0.3 on the log price around $30, a modelling choice).")]
    [Range(0.01, 1_000_000.0)]
    public double Price { get; init; } = 30;

    [Description("Product category as a content topic index (0 … behaviour.topics − 1): users interested in this topic convert more, and creators specialised in it match better.")]
    [Range(0, 255)]
    public int Category { get; init; }
}
