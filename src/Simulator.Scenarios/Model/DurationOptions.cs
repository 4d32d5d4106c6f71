using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.Scenarios.Model;

/// <summary>How long a run lasts and how long one tick is.</summary>
[ImmutableObject(true)]
public sealed record DurationOptions : IValidatableObject
{
    /// <summary>Simulated days.</summary>
    [Description("Simulated days per replication.")]
    [Range(1, 3650)]
    public int Days { get; init; } = 7;

    /// <summary>Unreported days before day 0.</summary>
    [Description("Simulated days run before day 0 and not reported, so that the platform starts with history and a trained model (the untrained policy forgets them at day 0).")]
    [Range(0, 60)]
    public int WarmupDays { get; init; } = 2;

    /// <summary>Length of one tick.</summary>
    [Description("Length of one tick: a number with s, m or h (e.g. 30s, 1m, 5m). Must divide a day; 1s to 1h.")]
    public TimeSpan Tick { get; init; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var s = Tick.TotalSeconds;
        if (s < 1 || s > 3600 || 86_400 % (int)s != 0 || s != Math.Floor(s))
        {
            yield return new ValidationResult($"tick must be between 1s and 1h and divide a day evenly; got {Tick}.", [nameof(Tick)]);
        }
    }
}
