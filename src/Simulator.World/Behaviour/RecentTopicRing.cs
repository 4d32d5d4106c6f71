namespace Simulator.World.Behaviour;

/// <summary>
/// The topics of a user's last videos packed into one int, a byte each, newest in the low byte
/// (0xFF: none yet). Fatigue and the repeat-topic metric read the last two.
/// </summary>
public static class RecentTopicRing
{
    /// <summary>No topic seen yet.</summary>
    public const int Empty = -1;

    /// <summary>The ring after a video of <paramref name="topic"/>.</summary>
    public static int Push(int ring, int topic) => (ring << 8) | (topic & 0xFF);

    /// <summary>How many of the last two videos were of <paramref name="topic"/> (0–2).</summary>
    public static int RepeatsOfLastTwo(int ring, int topic) =>
        ((ring & 0xFF) == topic ? 1 : 0) + (((ring >> 8) & 0xFF) == topic ? 1 : 0);
}
