using Simulator.Engine.Time;

namespace Simulator.Engine.Loop;

/// <summary>
/// A headless fixed-step loop in the shape of MonoGame's <c>Game</c>: systems ordered by phase
/// and <see cref="ISimSystem.UpdateOrder"/>, an update phase and an observe ("draw") phase, and
/// journaled add/remove applied between ticks. It runs as fast as it can; simulated time is
/// always tick × step.
/// </summary>
public sealed class SimLoop
{
    private readonly List<Entry> _systems = [];
    private readonly List<ISimSystem> _pendingAdd = [];
    private readonly List<ISimSystem> _pendingRemove = [];
    private ISimSystem[] _ordered = [];
    private int _registrations;
    private bool _inTick;

    /// <summary>Creates a loop whose ticks are <paramref name="stepSeconds"/> simulated seconds long, starting at <paramref name="startTick"/> (negative for a warm-up).</summary>
    public SimLoop(int stepSeconds, long startTick = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSeconds, 1);
        Now = new SimTime(startTick, stepSeconds);
        StartTick = startTick;
    }

    /// <summary>The first tick of the run.</summary>
    public long StartTick { get; }

    /// <summary>The tick that will run next.</summary>
    public SimTime Now { get; private set; }

    /// <summary>When false, <see cref="SimPhase.Observe"/> systems are skipped (a batch run that needs no progress).</summary>
    public bool ObserveEnabled { get; set; } = true;

    /// <summary>The systems in the order they run.</summary>
    public IReadOnlyList<ISimSystem> Systems
    {
        get
        {
            ApplyJournal();
            return _ordered;
        }
    }

    /// <summary>Adds a system; during a tick the add takes effect at the next tick boundary.</summary>
    public void Add(ISimSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _pendingAdd.Add(system);
        if (!_inTick)
        {
            ApplyJournal();
        }
    }

    /// <summary>Removes a system; during a tick the removal takes effect at the next tick boundary.</summary>
    public void Remove(ISimSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _pendingRemove.Add(system);
        if (!_inTick)
        {
            ApplyJournal();
        }
    }

    /// <summary>Runs one tick: every phase in order, then advances the clock.</summary>
    public void Step()
    {
        ApplyJournal();
        _inTick = true;
        try
        {
            var time = Now;
            var systems = _ordered;
            for (var i = 0; i < systems.Length; i++)
            {
                var s = systems[i];
                if (s.Phase == SimPhase.Observe && !ObserveEnabled)
                {
                    continue;
                }

                if (_timestamp is { } clock)
                {
                    var started = clock();
                    s.Update(in time);
                    _systemTicks[i] += clock() - started;
                }
                else
                {
                    s.Update(in time);
                }
            }

            Now = time.Next;
        }
        finally
        {
            _inTick = false;
        }
    }

    /// <summary>
    /// Runs until <paramref name="endTick"/> (exclusive) or until cancelled. Cancellation is
    /// checked only between ticks, so a stopped run always ends on a tick boundary.
    /// </summary>
    /// <returns>True when the run reached <paramref name="endTick"/>.</returns>
    public bool RunUntil(long endTick, CancellationToken cancellationToken = default)
    {
        while (Now.Tick < endTick)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            Step();
        }

        return true;
    }

    private void ApplyJournal()
    {
        if (_pendingAdd.Count == 0 && _pendingRemove.Count == 0)
        {
            return;
        }

        foreach (var s in _pendingRemove)
        {
            _systems.RemoveAll(e => ReferenceEquals(e.System, s));
        }

        foreach (var s in _pendingAdd)
        {
            _systems.Add(new Entry(s, _registrations++));
        }

        _pendingAdd.Clear();
        _pendingRemove.Clear();
        _systems.Sort(static (a, b) =>
        {
            var c = a.System.Phase.CompareTo(b.System.Phase);
            if (c == 0)
            {
                c = a.System.UpdateOrder.CompareTo(b.System.UpdateOrder);
            }

            return c != 0 ? c : a.Registration.CompareTo(b.Registration);
        });
        var before = new Dictionary<ISimSystem, long>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < _ordered.Length && i < _systemTicks.Length; i++)
        {
            before[_ordered[i]] = _systemTicks[i];
        }

        _ordered = _systems.ConvertAll(e => e.System).ToArray();
        // A loop, not a lambda: a closure over 'before' would be allocated on every call of this
        // method, including the early return every tick takes.
        var ticks = new long[_ordered.Length];
        for (var i = 0; i < ticks.Length; i++)
        {
            ticks[i] = before.TryGetValue(_ordered[i], out var t) ? t : 0L;
        }

        _systemTicks = ticks;
    }

    private long[] _systemTicks = [];

    private Func<long>? _timestamp;
    private long _ticksPerSecond = 1;

    /// <summary>
    /// Times each system's update with <paramref name="timestamp"/> from now on (for
    /// <c>simulator bench</c>; timing never feeds back into the simulation). The loop reads no
    /// clock of its own: without this, nothing is timed.
    /// </summary>
    /// <param name="timestamp">A monotonic timestamp in ticks, e.g. a stopwatch's.</param>
    /// <param name="ticksPerSecond">Ticks of <paramref name="timestamp"/> per second.</param>
    public void ProfileWith(Func<long> timestamp, long ticksPerSecond)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticksPerSecond);
        _timestamp = timestamp;
        _ticksPerSecond = ticksPerSecond;
    }

    /// <summary>Seconds spent in each system's updates while profiling (<see cref="ProfileWith"/>), in update order.</summary>
    public IReadOnlyList<(ISimSystem System, double Seconds)> SystemSeconds() =>
        [.. _ordered.Zip(_systemTicks).Select(p => (p.First, p.Second / (double)_ticksPerSecond))];

    private readonly record struct Entry(ISimSystem System, int Registration);
}
