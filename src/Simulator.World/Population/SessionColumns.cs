using Recommender.Abstractions;

namespace Simulator.World.Population;

/// <summary>
/// Where each user is in a session: in one or not, the seconds left in the tick and the
/// prefetched slate. Written by the session systems (start, sessions phase, feedback).
/// </summary>
/// <remarks>
/// The prefetched slate, the serving contexts that came with it and the session's topic counts
/// are needed only while a user is in session, and peak concurrency is a small share of the
/// population, so they live in a pool of slots (4 B per user plus the pool, instead of 116 B per
/// user at 8 slots and 20 topics). Slots are taken and returned in sequential phases only.
/// </remarks>
public sealed class SessionColumns : ColumnGroup
{
    private int[] _feed = [];
    private ServeContext[] _feedContexts = [];
    private byte[] _sessionTopicCounts = [];
    private int[] _free = [];
    private int _freeCount;

    public SessionColumns(int count, int topics, int feedCapacity)
        : base(count)
    {
        Topics = topics;
        FeedCapacity = feedCapacity;
        InSession = Column<bool>(count);
        Budget = Column<float>(count);
        FeedPos = Column<byte>(count);
        FeedLen = Column<byte>(count);
        Slot = Column(count, -1);
        // A first guess at peak concurrency; the pool doubles past it (like the active list).
        GrowSlots(Math.Clamp(count / 64, 16, 1 << 16));
    }

    public int Topics { get; }

    /// <summary>Videos a prefetched slate holds.</summary>
    public int FeedCapacity { get; }

    public bool[] InSession { get; }

    /// <summary>Watch seconds left in the current tick (negative: a video runs into the next tick).</summary>
    public float[] Budget { get; }

    /// <summary>Next slot of the prefetched slate to play, and how many it holds.</summary>
    public byte[] FeedPos { get; }

    /// <inheritdoc cref="FeedPos"/>
    public byte[] FeedLen { get; }

    /// <summary>The pooled session slot each user in session holds; -1 when none.</summary>
    public int[] Slot { get; }

    /// <summary>Slots in the session pool (grows by doubling to peak concurrency).</summary>
    public int SlotCapacity { get; private set; }

    /// <summary>The user's prefetched slate, <see cref="FeedCapacity"/> long; the user must hold a session slot.</summary>
    public Span<int> Feed(int u) => _feed.AsSpan(Slot[u] * FeedCapacity, FeedCapacity);

    /// <summary>The serving context that came with each prefetched video, handed back with its impression.</summary>
    public Span<ServeContext> FeedContexts(int u) => _feedContexts.AsSpan(Slot[u] * FeedCapacity, FeedCapacity);

    /// <summary>Impressions per topic in the current session, <see cref="Topics"/> long, saturating at 255 (for session topic entropy).</summary>
    public Span<byte> TopicCounts(int u) => _sessionTopicCounts.AsSpan(Slot[u] * Topics, Topics);

    /// <summary>Gives <paramref name="u"/> a session slot with empty topic counts. Sequential phases only.</summary>
    public void AcquireSlot(int u)
    {
        if (Slot[u] >= 0)
        {
            return;
        }

        if (_freeCount == 0)
        {
            GrowSlots(SlotCapacity * 2);
        }

        var slot = _free[--_freeCount];
        Slot[u] = slot;
        _sessionTopicCounts.AsSpan(slot * Topics, Topics).Clear();
    }

    /// <summary>Returns <paramref name="u"/>'s session slot to the pool. Sequential phases only.</summary>
    public void ReleaseSlot(int u)
    {
        var slot = Slot[u];
        if (slot < 0)
        {
            return;
        }

        Slot[u] = -1;
        _free[_freeCount++] = slot;
    }

    private void GrowSlots(int capacity)
    {
        var old = SlotCapacity;
        Array.Resize(ref _feed, capacity * FeedCapacity);
        Array.Resize(ref _feedContexts, capacity * FeedCapacity);
        Array.Resize(ref _sessionTopicCounts, capacity * Topics);
        Array.Resize(ref _free, capacity);
        // Hand out low slots first (free list is a stack).
        for (var s = capacity - 1; s >= old; s--)
        {
            _free[_freeCount++] = s;
        }

        SlotCapacity = capacity;
    }
}
