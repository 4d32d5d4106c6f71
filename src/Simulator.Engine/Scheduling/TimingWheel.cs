namespace Simulator.Engine.Scheduling;

/// <summary>
/// Wake-ups bucketed by tick (a hashed timing wheel, Varghese and Lauck 1987), so that an
/// entity that is asleep costs nothing per tick: it is touched once when scheduled and once
/// when due. Entries further away than the wheel's span wait in an overflow list that is
/// re-examined once per revolution.
/// </summary>
/// <remarks>
/// Ids come out of a slot in the order they were scheduled, so a caller that schedules in
/// a deterministic order drains in a deterministic order. Slot arrays keep their capacity
/// after draining, so steady-state scheduling allocates nothing.
/// </remarks>
public sealed class TimingWheel
{
    private readonly int[][] _slots;
    private readonly int[] _counts;
    private readonly int _mask;
    private long[] _overflowDue;
    private int[] _overflowIds;
    private int _overflowCount;
    private long _now;

    /// <summary>Creates a wheel covering <c>2^log2Slots</c> ticks.</summary>
    public TimingWheel(int log2Slots = 12, int initialSlotCapacity = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(log2Slots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(log2Slots, 24);
        var size = 1 << log2Slots;
        _mask = size - 1;
        _slots = new int[size][];
        _counts = new int[size];
        for (var i = 0; i < size; i++)
        {
            _slots[i] = new int[initialSlotCapacity];
        }

        _overflowDue = new long[16];
        _overflowIds = new int[16];
    }

    /// <summary>Number of ticks one revolution covers.</summary>
    public int Span => _mask + 1;

    /// <summary>Entries scheduled and not yet drained.</summary>
    public long Pending { get; private set; }

    /// <summary>Schedules <paramref name="id"/> to be drained at <paramref name="dueTick"/> (clamped to the current tick).</summary>
    public void Schedule(int id, long dueTick)
    {
        if (dueTick < _now)
        {
            dueTick = _now;
        }

        Pending++;
        if (dueTick - _now >= Span)
        {
            if (_overflowCount == _overflowIds.Length)
            {
                Array.Resize(ref _overflowIds, _overflowCount * 2);
                Array.Resize(ref _overflowDue, _overflowCount * 2);
            }

            _overflowIds[_overflowCount] = id;
            _overflowDue[_overflowCount] = dueTick;
            _overflowCount++;
            return;
        }

        var slot = (int)(dueTick & _mask);
        ref var items = ref _slots[slot];
        if (_counts[slot] == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        items[_counts[slot]++] = id;
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

        if ((tick & _mask) == 0 && _overflowCount > 0)
        {
            PromoteOverflow(tick);
        }

        var slot = (int)(tick & _mask);
        var items = _slots[slot];
        var n = _counts[slot];
        for (var i = 0; i < n; i++)
        {
            sink.Add(items[i]);
        }

        _counts[slot] = 0;
        Pending -= n;
        _now = tick + 1;
    }

    // Once per revolution: entries now inside the span move into their slots, in the
    // order they were scheduled, so drain order stays deterministic.
    private void PromoteOverflow(long tick)
    {
        var kept = 0;
        for (var i = 0; i < _overflowCount; i++)
        {
            var due = _overflowDue[i];
            var id = _overflowIds[i];
            if (due - tick < Span)
            {
                Pending--;
                var saveNow = _now;
                _now = tick;
                Schedule(id, due);
                _now = saveNow;
            }
            else
            {
                _overflowDue[kept] = due;
                _overflowIds[kept] = id;
                kept++;
            }
        }

        _overflowCount = kept;
    }
}
