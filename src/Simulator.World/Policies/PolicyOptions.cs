using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Policies;

/// <summary>One platform policy; exactly one of its keys is set.</summary>
[ImmutableObject(true)]
public sealed record PolicyOptions : IValidatableObject
{
    [Description("A daily watch-time limit with a prompt and an override probability.")]
    public DailyLimitOptions? DailyLimit { get; init; }

    [Description("A night curfew in local time.")]
    public CurfewOptions? Curfew { get; init; }

    [Description("The non-personalised (popular) feed for a share of users who switch personalisation off (EU DSA).")]
    public NonPersonalizedFeedOptions? NonPersonalizedFeed { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var set = (DailyLimit is null ? 0 : 1) + (Curfew is null ? 0 : 1) + (NonPersonalizedFeed is null ? 0 : 1);
        if (set != 1)
        {
            yield return new ValidationResult("each policy item needs exactly one of daily_limit, curfew or non_personalized_feed.");
        }
    }
}
