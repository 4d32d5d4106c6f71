namespace Recommender.Diagnostics;

/// <summary>
/// The one seam through which simulation code may read a clock, for profiling only: a
/// benchmark hands one in (a stopwatch's timestamp and its frequency); without one nothing is
/// timed and no clock is read. What it measures never feeds results.
/// </summary>
/// <param name="timestamp">Returns a monotonic timestamp in ticks.</param>
/// <param name="ticksPerSecond">Ticks of <paramref name="timestamp"/> per second.</param>
public sealed class ProfileClock(Func<long> timestamp, long ticksPerSecond)
{
    /// <summary>Ticks of <see cref="Now"/> per second.</summary>
    public long TicksPerSecond { get; } = ticksPerSecond > 0 ? ticksPerSecond : throw new ArgumentOutOfRangeException(nameof(ticksPerSecond));

    /// <summary>The current timestamp, in ticks.</summary>
    public long Now() => timestamp();

    /// <summary>Seconds in <paramref name="ticks"/> ticks.</summary>
    public double Seconds(long ticks) => ticks / (double)TicksPerSecond;
}
