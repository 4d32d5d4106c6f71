using System.Diagnostics;

namespace Recommender.Policies;

/// <summary>
/// Wall time spent in each stage of a ranked request (retrieval, pre-ranking, full ranking,
/// re-ranking), summed over threads. Off unless a benchmark switches it on; it never feeds results.
/// </summary>
internal sealed class StageProfile
{
    public static readonly string[] Names = ["retrieval", "pre-ranking", "ranking: features", "ranking: model heads", "re-ranking"];

    private readonly long[] _ticks = new long[Names.Length];

    public bool Enabled { get; set; }

    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="started"/> to <paramref name="stage"/> and returns now.</summary>
    public long Lap(int stage, long started)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[stage], now - started);
        return now;
    }

    /// <summary>Adds <paramref name="ticks"/> measured elsewhere to <paramref name="stage"/>.</summary>
    public void Add(int stage, long ticks) => Interlocked.Add(ref _ticks[stage], ticks);

    public double Seconds(int stage) => Interlocked.Read(ref _ticks[stage]) / (double)Stopwatch.Frequency;
}
