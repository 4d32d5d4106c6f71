using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Behaviour;

/// <summary>One number per usage type (light, casual, core, trial).</summary>
[ImmutableObject(true)]
public sealed record UsageLevels
{
    [Description("For light users of the existing base.")]
    [Range(0.0, 50.0)]
    public double Light { get; init; }

    [Description("For casual users (existing base and installs).")]
    [Range(0.0, 50.0)]
    public double Casual { get; init; }

    [Description("For core users (existing base and installs).")]
    [Range(0.0, 50.0)]
    public double Core { get; init; }

    [Description("For trial installs.")]
    [Range(0.0, 50.0)]
    public double Trial { get; init; }

    /// <summary>The level of <paramref name="type"/>.</summary>
    public double Of(UsageType type) => type switch
    {
        UsageType.Light => Light,
        UsageType.Casual => Casual,
        UsageType.Core => Core,
        _ => Trial,
    };
}
