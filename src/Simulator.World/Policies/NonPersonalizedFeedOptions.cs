using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Policies;

/// <summary>
/// The EU DSA's non-personalised feed option (Art. 38; CALIBRATION.md §5): a share of users
/// switch personalisation off and get the popular feed (local and global popular videos plus
/// fresh uploads) while everyone else stays on the scenario's feed policy. How many users opt in
/// is not published; the share is a scenario lever. Who opts in is drawn at random (a stream of
/// its own, so every other persona draw is unchanged), which makes the opted-in and the other
/// users of one run comparable groups (segments.csv, dimension <c>feed</c>).
/// </summary>
[ImmutableObject(true)]
public sealed record NonPersonalizedFeedOptions : IValidatableObject
{
    [Description("Share of users (within the age range) who switch personalisation off and get the popular feed.")]
    [Range(0.0, 1.0)]
    public double Share { get; init; } = 0.1;

    [Description("Inclusive age range [min, max] of users who may opt in.")]
    public List<int> Ages { get; init; } = [13, 120];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => AgeRange.Validate(Ages, nameof(Ages));
}
