using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Policies;

/// <summary>
/// A daily screen-time limit with a prompt. TikTok's 2023 default for under-18 accounts: 60
/// minutes, then a passcode to continue (CALIBRATION.md §5). The override rate (share of prompts
/// dismissed) is not published; 0.3 is a guess for scenarios to vary.
/// </summary>
[ImmutableObject(true)]
public sealed record DailyLimitOptions : IValidatableObject
{
    [Description("Minutes of watching per local day before the limit prompt appears.")]
    [Range(1, 1440)]
    public int Minutes { get; init; } = 60;

    [Description("Inclusive age range [min, max] the limit applies to.")]
    public List<int> Ages { get; init; } = [13, 17];

    [Description("Probability that a user dismisses the prompt (enters the passcode) and keeps watching for the rest of the day.")]
    [Range(0.0, 1.0)]
    public double OverrideRate { get; init; } = 0.3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => AgeRange.Validate(Ages, nameof(Ages));
}
