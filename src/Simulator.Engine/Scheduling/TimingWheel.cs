namespace Simulator.Engine.Scheduling;

/// <summary>
/// Wake-ups bucketed by tick (a hierarchical timing wheel, Varghese and Lauck 1987), so that an
/// entity that is asleep costs nothing per tick: it is touched when scheduled, at most once more
/// when its revolution comes round, and once when due. The first level has one bucket per tick
/// for one revolution; the second level has one bucket per future revolution (64 of them);
/// entries further out still wait in a list re-examined once every 64 revolutions.
/// </summary>
/// <remarks>
/// Each entity id (0 ≤ id &lt; capacity) is scheduled at most once at a time, which lets every
/// bucket be an intrusive linked list threaded through one <c>next</c> array: scheduling never
/// allocates, whatever the load per bucket. Ids come out of a bucket in the order they were
/// scheduled, so a caller that schedules in a deterministic order drains in a deterministic order.
/// </remarks>
public sealed class TimingWheel
{
    private const int None = -1;
    private const int Unscheduled = -2;
    private const int Revolutions = 64;

    private readonly int[] _head;
    private readonly int[] _tail;
    private readonly int[] _next;
    private readonly long[] _due;
    private readonly int _mask;
    private readonly int _bits;
    private readonly int[] _revHead = new int[Revolutions];
    private readonly int[] _revTail = new int[Revolutions];
    private int _overflowHead = None;
    private int _overflowTail = None;
    private long _now;

    /// <summary>Creates a wheel for ids below <paramref name="capacity"/> covering <c>2^log2Slots</c> ticks, first drained at <paramref name="startTick"/>.</summary>
    public TimingWheel(int capacity, int log2Slots = 12, long startTick = 0)
    {
        _now = startTick;
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(log2Slots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(log2Slots, 24);
        var size = 1 << log2Slots;
        _mask = size - 1;
        _bits = log2Slots;
        Array.Fill(_revHead, None);
        Array.Fill(_revTail, None);
        _head = new int[size];
        _tail = new int[size];
        Array.Fill(_head, None);
        Array.Fill(_tail, None);
        _next = new int[capacity];
        _due = new long[capacity];
        Array.Fill(_next, Unscheduled);
    }

    /// <summary>Number of ticks one revolution covers.</summary>
    public int Span => _mask + 1;

    /// <summary>Ids the wheel can hold.</summary>
    public int Capacity => _next.Length;

    /// <summary>Entries scheduled and not yet drained.</summary>
    public long Pending { get; private set; }

    /// <summary>True while <paramref name="id"/> waits in the wheel.</summary>
    public bool IsScheduled(int id) => _next[id] != Unscheduled;

    /// <summary>Schedules <paramref name="id"/> to be drained at <paramref name="dueTick"/> (clamped to the current tick).</summary>
    /// <exception cref="InvalidOperationException">The id is already scheduled.</exception>
    public void Schedule(int id, long dueTick)
    {
        if (_next[id] != Unscheduled)
        {
            throw new InvalidOperationException($"Id {id} is already scheduled.");
        }

        if (dueTick < _now)
        {
            dueTick = _now;
        }

        _due[id] = dueTick;
        Pending++;
        Place(id, dueTick, _now);
    }

    /// <summary>
    /// Moves every id due at <paramref name="tick"/> into <paramref name="sink"/> and advances
    /// the wheel. Ticks must be drained in increasing order without gaps.
    /// </summary>
    public void Drain(long tick, List<int> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (tick != _now)
        {
            throw new InvalidOperationException($"Timing wheel expected tick {_now} but was asked for {tick}.");
        }

        if ((tick & _mask) == 0)
        {
            StartRevolution(tick);
        }

        var slot = (int)(tick & _mask);
        var id = _head[slot];
        while (id != None)
        {
            var next = _next[id];
            _next[id] = Unscheduled;
            sink.Add(id);
            Pending--;
            id = next;
        }

        _head[slot] = None;
        _tail[slot] = None;
        _now = tick + 1;
    }

    private void Append(ref int head, ref int tail, int id)
    {
        _next[id] = None;
        if (tail == None)
        {
            head = id;
        }
        else
        {
            _next[tail] = id;
        }

        tail = id;
    }

    // First level while the due tick is in the current revolution; second level while its
    // revolution is among the next 64; the far list beyond that.
    private void Place(int id, long dueTick, long now)
    {
        var revolution = dueTick >> _bits;
        var current = now >> _bits;
        if (revolution == current)
        {
            var slot = (int)(dueTick & _mask);
            Append(ref _head[slot], ref _tail[slot], id);
        }
        else if (revolution - current < Revolutions)
        {
            var r = (int)(revolution & (Revolutions - 1));
            Append(ref _revHead[r], ref _revTail[r], id);
        }
        else
        {
            Append(ref _overflowHead, ref _overflowTail, id);
        }
    }

    // At the first tick of each revolution its second-level bucket moves into the tick buckets
    // (in scheduling order, so drain order stays deterministic); every 64 revolutions the far
    // list is sorted back into the levels.
    private void StartRevolution(long tick)
    {
        var revolution = tick >> _bits;
        if ((revolution & (Revolutions - 1)) == 0 && _overflowHead != None)
        {
            var far = _overflowHead;
            _overflowHead = None;
            _overflowTail = None;
            while (far != None)
            {
                var next = _next[far];
                Place(far, _due[far], tick);
                far = next;
            }
        }

        var r = (int)(revolution & (Revolutions - 1));
        var id = _revHead[r];
        _revHead[r] = None;
        _revTail[r] = None;
        while (id != None)
        {
            var next = _next[id];
            var slot = (int)(_due[id] & _mask);
            Append(ref _head[slot], ref _tail[slot], id);
            id = next;
        }
    }
}
