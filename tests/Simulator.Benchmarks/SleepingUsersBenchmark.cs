using BenchmarkDotNet.Attributes;
using Simulator.Engine.Scheduling;

namespace Simulator.Benchmarks;

/// <summary>
/// One tick of the scheduling path with 1,000 users waking and going back to sleep, while
/// <see cref="Sleepers"/> other users wait for later ticks. The time per tick should not depend
/// on the number of sleepers (DESIGN.md §3: cost follows activity, not population).
/// </summary>
[MemoryDiagnoser]
public class SleepingUsersBenchmark
{
    private const int Awake = 1_000;
    private TimingWheel _wheel = null!;
    private readonly List<int> _due = new(Awake * 2);
    private long _tick;

    [Params(0, 100_000, 1_000_000)]
    public int Sleepers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _wheel = new TimingWheel(Sleepers + Awake, log2Slots: 12);
        // Sleepers are spread over the next 30 days of one-minute ticks, most beyond the wheel's span.
        for (var i = 0; i < Sleepers; i++)
        {
            _wheel.Schedule(Awake + i, 10_000_000 + (i * 7919L % 43_200));
        }

        for (var i = 0; i < Awake; i++)
        {
            _wheel.Schedule(i, i % 10);
        }

        _tick = 0;
    }

    [Benchmark]
    public int Tick()
    {
        _due.Clear();
        _wheel.Drain(_tick, _due);
        for (var i = 0; i < _due.Count; i++)
        {
            _wheel.Schedule(_due[i], _tick + 10);
        }

        _tick++;
        return _due.Count;
    }
}
