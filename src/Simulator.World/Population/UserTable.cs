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
        Gender = new byte[count];
        IsPoster = new bool[count];
        NoveltySeeking = new float[count];
        AuthenticityPreference = new float[count];
        SocialProofSensitivity = new float[count];
        AdTolerance = new float[count];
        PurchasePropensity = new float[count];
        DailyLimitSeconds = new int[count];
        LimitOverrideRate = new float[count];
        CurfewStartHour = new sbyte[count];
        CurfewEndHour = new sbyte[count];
        CurfewOverrideRate = new float[count];
        LocalDay = new int[count];
        WatchSecondsToday = new float[count];
        LimitOverriddenDay = new int[count];
        CurfewOverriddenDay = new int[count];
        TotalWatchMs = new long[count];
        TotalSessions = new int[count];
        TotalImpressions = new int[count];
        TotalCompletions = new int[count];
        TotalFatigueExits = new int[count];
        TotalRepeatImpressions = new int[count];
        TotalEntropyMilli = new int[count];
        EntropySessions = new int[count];
        ActiveDayCount = new short[count];
        Array.Fill(CurfewStartHour, (sbyte)-1);
        Array.Fill(LimitOverriddenDay, int.MinValue);
        Array.Fill(CurfewOverriddenDay, int.MinValue);
        Array.Fill(LocalDay, int.MinValue);
        Age = new byte[count];
        Country = new byte[count];
        Device = new DeviceKind[count];
        IsTeen = new bool[count];
        NonPersonalizedFeed = new bool[count];
        UtcOffsetMinutes = new short[count];
        Interest = new float[count * topics];
        Taste = new Behaviour.TasteVector[count];
        Satiation = new float[count * topics];
        PreferredLength = new float[count];
        SessionRate = new float[count];
        Habit = new float[count];
        HabitBase = new float[count];
        HabitNeutral = new float[count];
        InstallSecond = new long[count];
        SessionHabitSeconds = new float[count];
        InSession = new bool[count];
        SessionSeconds = new float[count];
        SessionItems = new int[count];
        SessionUtility = new float[count];
        Fatigue = new float[count];
        Budget = new float[count];
        LastImpressionSecond = new long[count];
        RecentTopics = new int[count];
        SessionSlot = new int[count];
        SessionSlot.AsSpan().Fill(-1);
        // A first guess at peak concurrency; the pool doubles past it (like the active list).
        GrowSessionSlots(Math.Clamp(count / 64, 16, 1 << 16));
        FeedPos = new byte[count];
        FeedLen = new byte[count];
        FirstActiveDay = new int[count];
        LastActiveDay = new int[count];
        ActiveDays = new ulong[count];
        BehaviourDraws = new ulong[count];
        ReturnDraws = new ulong[count];
        Array.Fill(LastImpressionSecond, NoImpression);
        Array.Fill(FirstActiveDay, -1);
        Array.Fill(LastActiveDay, int.MinValue);
    }

    private int[] _feed = [];
    private ServeContext[] _feedContexts = [];
    private byte[] _sessionTopicCounts = [];
    private int[] _free = [];
    private int _freeCount;
    private int _slotCapacity;

    public int Count { get; }

    public int Topics { get; }

    public int FeedCapacity { get; }

    // Persona (written once).
    public Generation[] Generation { get; }

    public byte[] Age { get; }

    /// <summary>Index into <see cref="Genders.Keys"/>.</summary>
    public byte[] Gender { get; }

    /// <summary>Also posts videos (CALIBRATION.md §3: about half never post).</summary>
    public bool[] IsPoster { get; }

    /// <summary>Hidden traits in [0, 1].</summary>
    public float[] NoveltySeeking { get; }

    public float[] AuthenticityPreference { get; }

    public float[] SocialProofSensitivity { get; }

    public float[] AdTolerance { get; }

    public float[] PurchasePropensity { get; }

    // Platform policies that apply to this user (resolved once from age and the scenario).

    /// <summary>Daily watch limit in seconds; 0 when none applies.</summary>
    public int[] DailyLimitSeconds { get; }

    public float[] LimitOverrideRate { get; }

    /// <summary>Local curfew start hour; -1 when none applies.</summary>
    public sbyte[] CurfewStartHour { get; }

    public sbyte[] CurfewEndHour { get; }

    public float[] CurfewOverrideRate { get; }

    // Per-local-day policy state.
    public int[] LocalDay { get; }

    public float[] WatchSecondsToday { get; }

    public int[] LimitOverriddenDay { get; }

    public int[] CurfewOverriddenDay { get; }

    // Lifetime counters, aggregated into segments at the end of a run.
    public long[] TotalWatchMs { get; }

    public int[] TotalSessions { get; }

    public int[] TotalImpressions { get; }

    public int[] TotalCompletions { get; }

    public int[] TotalFatigueExits { get; }

    public int[] TotalRepeatImpressions { get; }

    /// <summary>Sum of the user's session topic entropies, thousandths of a bit.</summary>
    public int[] TotalEntropyMilli { get; }

    /// <summary>Ended sessions with at least one impression (denominator of <see cref="TotalEntropyMilli"/>).</summary>
    public int[] EntropySessions { get; }

    public short[] ActiveDayCount { get; }

    public byte[] Country { get; }

    public DeviceKind[] Device { get; }

    public bool[] IsTeen { get; }

    /// <summary>The user switched personalisation off (a platform-visible account setting).</summary>
    public bool[] NonPersonalizedFeed { get; }

    public short[] UtcOffsetMinutes { get; }

    /// <summary>Hidden topic interests θ, <see cref="Topics"/> per user, each row sums to 1.</summary>
    public float[] Interest { get; }

    /// <summary>Hidden taste vector z for fine-grained match with a video's taste (DESIGN.md §4).</summary>
    public Behaviour.TasteVector[] Taste { get; }

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

    /// <summary>The habit strength a user drifts back to when sessions are neutral.</summary>
    public float[] HabitBase { get; }

    /// <summary>The user's own neutral session utility: what they expect of a session (hidden).</summary>
    public float[] HabitNeutral { get; }

    /// <summary>Second the user installs the app; negative for users already there on day 0.</summary>
    public long[] InstallSecond { get; }

    public bool[] InSession { get; }

    public float[] SessionSeconds { get; }

    public int[] SessionItems { get; }

    public float[] SessionUtility { get; }

    public float[] Fatigue { get; }

    /// <summary>Watch seconds left in the current tick (negative: a video runs into the next tick).</summary>
    public float[] Budget { get; }

    /// <summary>Second of the user's last impression; <see cref="NoImpression"/> before the first.</summary>
    public long[] LastImpressionSecond { get; }

    /// <summary>The value of <see cref="LastImpressionSecond"/> before a user's first impression.</summary>
    public const long NoImpression = long.MinValue;

    /// <summary>Topics of the last three videos, one byte each (0xFF: none), newest in the low byte.</summary>
    public int[] RecentTopics { get; }

    /// <summary>
    /// The pooled session slot each user in session holds (-1 when none): the prefetched slate, the
    /// serving contexts that came with it and the session's topic counts are needed only while a
    /// user is in session, and peak concurrency is a small share of the population, so they live
    /// in a pool of slots (4 B per user plus the pool, instead of 116 B per user at 8 slots and 20 topics).
    /// </summary>
    public int[] SessionSlot { get; }

    /// <summary>Slots in the session pool (grows by doubling to peak concurrency).</summary>
    public int SessionSlotCapacity => _slotCapacity;

    /// <summary>The user's prefetched slate, <see cref="FeedCapacity"/> long; the user must hold a session slot.</summary>
    public Span<int> Feed(int u) => _feed.AsSpan(SessionSlot[u] * FeedCapacity, FeedCapacity);

    /// <summary>The serving context that came with each prefetched video, handed back with its impression.</summary>
    public Span<ServeContext> FeedContexts(int u) => _feedContexts.AsSpan(SessionSlot[u] * FeedCapacity, FeedCapacity);

    /// <summary>Impressions per topic in the current session, <see cref="Topics"/> long, saturating at 255 (for session topic entropy).</summary>
    public Span<byte> SessionTopicCounts(int u) => _sessionTopicCounts.AsSpan(SessionSlot[u] * Topics, Topics);

    /// <summary>Gives <paramref name="u"/> a session slot with empty topic counts. Sequential phases only.</summary>
    public void AcquireSessionSlot(int u)
    {
        if (SessionSlot[u] >= 0)
        {
            return;
        }

        if (_freeCount == 0)
        {
            GrowSessionSlots(_slotCapacity * 2);
        }

        var slot = _free[--_freeCount];
        SessionSlot[u] = slot;
        _sessionTopicCounts.AsSpan(slot * Topics, Topics).Clear();
    }

    /// <summary>Returns <paramref name="u"/>'s session slot to the pool. Sequential phases only.</summary>
    public void ReleaseSessionSlot(int u)
    {
        var slot = SessionSlot[u];
        if (slot < 0)
        {
            return;
        }

        SessionSlot[u] = -1;
        _free[_freeCount++] = slot;
    }

    private void GrowSessionSlots(int capacity)
    {
        var old = _slotCapacity;
        Array.Resize(ref _feed, capacity * FeedCapacity);
        Array.Resize(ref _feedContexts, capacity * FeedCapacity);
        Array.Resize(ref _sessionTopicCounts, capacity * Topics);
        Array.Resize(ref _free, capacity);
        // Hand out low slots first (free list is a stack).
        for (var s = capacity - 1; s >= old; s--)
        {
            _free[_freeCount++] = s;
        }

        _slotCapacity = capacity;
    }

    public byte[] FeedPos { get; }

    public byte[] FeedLen { get; }

    public int[] FirstActiveDay { get; }

    public int[] LastActiveDay { get; }

    /// <summary>Bit d set: active on day FirstActiveDay + d (d &lt; 64); for retention.</summary>
    public ulong[] ActiveDays { get; }

    public ulong[] BehaviourDraws { get; }

    public ulong[] ReturnDraws { get; }
}
