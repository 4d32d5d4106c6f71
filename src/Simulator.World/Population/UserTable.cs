using Recommender.Abstractions;

namespace Simulator.World.Population;

/// <summary>
/// Every user's persona and state as struct-of-arrays indexed by user id (DESIGN.md §3).
/// Persona columns are written once; state columns are written only by the chunk that
/// owns the user in a tick, or in the sequential phases.
/// </summary>
public sealed class UserTable
{
    public UserTable(int count, int topics, int feedCapacity)
    {
        Count = count;
        Topics = topics;
        FeedCapacity = feedCapacity;
        Generation = new Generation[count];
        Age = new byte[count];
        Country = new byte[count];
        Device = new DeviceKind[count];
        IsTeen = new bool[count];
        UtcOffsetMinutes = new short[count];
        Interest = new float[count * topics];
        Satiation = new float[count * topics];
        PreferredLength = new float[count];
        SessionRate = new float[count];
        Habit = new float[count];
        SessionHabitSeconds = new float[count];
        InSession = new bool[count];
        SessionSeconds = new float[count];
        SessionItems = new int[count];
        SessionUtility = new float[count];
        Fatigue = new float[count];
        Budget = new float[count];
        LastImpressionSecond = new long[count];
        RecentTopics = new int[count];
        Feed = new int[count * feedCapacity];
        FeedPos = new byte[count];
        FeedLen = new byte[count];
        FirstActiveDay = new int[count];
        LastActiveDay = new int[count];
        ActiveDays = new ulong[count];
        BehaviourDraws = new ulong[count];
        ReturnDraws = new ulong[count];
        Array.Fill(FirstActiveDay, -1);
        Array.Fill(LastActiveDay, -1);
    }

    public int Count { get; }

    public int Topics { get; }

    public int FeedCapacity { get; }

    // Persona (written once).
    public Generation[] Generation { get; }

    public byte[] Age { get; }

    public byte[] Country { get; }

    public DeviceKind[] Device { get; }

    public bool[] IsTeen { get; }

    public short[] UtcOffsetMinutes { get; }

    /// <summary>Hidden topic interests θ, <see cref="Topics"/> per user, each row sums to 1.</summary>
    public float[] Interest { get; }

    /// <summary>Preferred video length, seconds (hidden).</summary>
    public float[] PreferredLength { get; }

    /// <summary>Sessions per day at full habit (hidden).</summary>
    public float[] SessionRate { get; }

    /// <summary>Typical session length this user settles into, seconds (hidden).</summary>
    public float[] SessionHabitSeconds { get; }

    // State.

    /// <summary>Topic satiation, <see cref="Topics"/> per user; decays with a half-life.</summary>
    public float[] Satiation { get; }

    /// <summary>Habit strength in [0.05, 1]: grows after satisfying sessions, shrinks after bad ones.</summary>
    public float[] Habit { get; }

    public bool[] InSession { get; }

    public float[] SessionSeconds { get; }

    public int[] SessionItems { get; }

    public float[] SessionUtility { get; }

    public float[] Fatigue { get; }

    /// <summary>Watch seconds left in the current tick (negative: a video runs into the next tick).</summary>
    public float[] Budget { get; }

    public long[] LastImpressionSecond { get; }

    /// <summary>Topics of the last three videos, one byte each (0xFF: none), newest in the low byte.</summary>
    public int[] RecentTopics { get; }

    /// <summary>Prefetched slate, <see cref="FeedCapacity"/> per user.</summary>
    public int[] Feed { get; }

    public byte[] FeedPos { get; }

    public byte[] FeedLen { get; }

    public int[] FirstActiveDay { get; }

    public int[] LastActiveDay { get; }

    /// <summary>Bit d set: active on day FirstActiveDay + d (d &lt; 64); for retention.</summary>
    public ulong[] ActiveDays { get; }

    public ulong[] BehaviourDraws { get; }

    public ulong[] ReturnDraws { get; }
}
