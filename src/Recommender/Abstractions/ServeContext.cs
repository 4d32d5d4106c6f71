namespace Recommender.Abstractions;

/// <summary>
/// What the platform knew when it served one slot of a slate: the user's local hour, the slot's
/// position in the session and the probability with which the slot was chosen (for inverse
/// propensity weighting). It goes out with the slate and comes back with the impression, as a feed
/// item's log id does in production, so that a logged outcome is joined with its serving context
/// without the platform keeping a table of recent serving contexts per user.
/// </summary>
/// <remarks>Eight bytes; <c>default</c> is <see cref="Unknown"/>.</remarks>
/// <param name="Propensity">Probability with which the slot's video was chosen.</param>
/// <param name="Position">Items served earlier in the session, capped at <see cref="short.MaxValue"/>.</param>
/// <param name="Hour">Local hour of the request (0–23).</param>
/// <param name="Known">False when the serving policy does not log a context.</param>
public readonly record struct ServeContext(float Propensity, short Position, byte Hour, bool Known)
{
    /// <summary>No context logged (the policy does not log one, or the impression did not come from a slate).</summary>
    public static ServeContext Unknown => default;

    /// <summary>The context of a slot served at <paramref name="hour"/> and session position <paramref name="position"/>.</summary>
    public static ServeContext Served(int hour, int position, float propensity) =>
        new(propensity, (short)Math.Min(position, short.MaxValue), (byte)hour, true);

    /// <summary>The logged hour, position and propensity; an unknown context reads as noon, position 0, propensity 1.</summary>
    public void Read(out int hour, out int position, out float propensity)
    {
        if (Known)
        {
            hour = Hour;
            position = Position;
            propensity = Propensity;
        }
        else
        {
            hour = 12;
            position = 0;
            propensity = 1f;
        }
    }
}
