using Recommender.Diagnostics;

namespace Recommender.Policies;

/// <summary>
/// Wall time spent in each stage of a ranked request (retrieval, pre-ranking, full ranking,
/// re-ranking), summed over threads. Off unless a benchmark hands in a clock; it never feeds results.
/// </summary>
internal sealed class StageProfile
{
    public static readonly string[] Names = ["retrieval", "pre-ranking", "ranking: features", "ranking: model heads", "re-ranking"];

    // Each thread adds to its own 64-byte line: two threads adding to one shared counter would
    // bounce that cache line between cores on every request and slow the very run being measured.
    // Threads share a line only past Slots threads, and adds stay atomic either way.
    private const int Stride = 8;
    private const int Slots = 64;

    [ThreadStatic]
    private static int t_slot;

    private static int s_threads;

    private readonly long[] _ticks = new long[(Slots + 1) * Stride];

    /// <summary>The clock stages are timed with; null (the default) times nothing.</summary>
    [field: NonSerialized]
    public ProfileClock? Clock { get; set; }

    public bool Enabled => Clock is not null;

    /// <summary>The clock's timestamp; only called while <see cref="Enabled"/>.</summary>
    public long Now() => Clock!.Now();

    /// <summary>Adds the time since <paramref name="started"/> to <paramref name="stage"/> and returns now.</summary>
    public long Lap(int stage, long started)
    {
        var now = Clock!.Now();
        Interlocked.Add(ref _ticks[Offset() + stage], now - started);
        return now;
    }

    /// <summary>Adds <paramref name="ticks"/> measured elsewhere to <paramref name="stage"/>.</summary>
    public void Add(int stage, long ticks) => Interlocked.Add(ref _ticks[Offset() + stage], ticks);

    /// <summary>The stage's time summed over every thread.</summary>
    public double Seconds(int stage)
    {
        var sum = 0L;
        for (var slot = 1; slot <= Slots; slot++)
        {
            sum += Interlocked.Read(ref _ticks[slot * Stride + stage]);
        }

        return Clock is { } clock ? clock.Seconds(sum) : 0;
    }

    // This thread's line (the first line is left empty so that no line borders the array header).
    private static int Offset()
    {
        var slot = t_slot;
        if (slot == 0)
        {
            slot = t_slot = Interlocked.Increment(ref s_threads);
        }

        return ((slot - 1) % Slots + 1) * Stride;
    }
}
