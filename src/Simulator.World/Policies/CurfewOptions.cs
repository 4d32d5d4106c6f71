using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Policies;

/// <summary>
/// No use between two local hours. Douyin youth mode (2021) and the CAC minor-mode draft
/// (2023): no use 22:00–06:00 (CALIBRATION.md §5).
/// </summary>
[ImmutableObject(true)]
public sealed record CurfewOptions : IValidatableObject
{
    [Description("Local hour (0–23) the curfew starts.")]
    [Range(0, 23)]
    public int StartHour { get; init; } = 22;

    [Description("Local hour (0–23) the curfew ends; may be earlier than start_hour (over midnight).")]
    [Range(0, 23)]
    public int EndHour { get; init; } = 6;

    [Description("Inclusive age range [min, max] the curfew applies to.")]
    public List<int> Ages { get; init; } = [13, 17];

    [Description("Probability that a user gets past the curfew when it applies (0: enforced).")]
    [Range(0.0, 1.0)]
    public double OverrideRate { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var r in AgeRange.Validate(Ages, nameof(Ages)))
        {
            yield return r;
        }

        if (StartHour == EndHour)
        {
            yield return new ValidationResult("start_hour and end_hour must differ.", [nameof(EndHour)]);
        }
    }

    /// <summary>True when local hour <paramref name="hour"/> falls inside the curfew.</summary>
    public static bool Covers(int start, int end, int hour) =>
        start < end ? hour >= start && hour < end : hour >= start || hour < end;
}
