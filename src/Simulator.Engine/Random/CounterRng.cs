using System.Runtime.CompilerServices;

namespace Simulator.Engine.Random;

/// <summary>
/// Counter-based randomness: every draw is a pure function of
/// <c>(run seed, entity id, stream, counter)</c> (DESIGN.md §3). Nothing is shared
/// between threads, so results do not depend on thread count or chunking, and two
/// variants that use the same keys see the same dice (common random numbers).
/// </summary>
/// <remarks>
/// The key is folded with the SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014);
/// the counter then indexes a SplitMix64 sequence started at that key, so one stream
/// is exactly SplitMix64 and distinct counters never collide within a stream.
/// </remarks>
public static class CounterRng
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Derives the 64-bit key of a stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong StreamKey(ulong seed, ulong entity, ulong stream)
    {
        var x = Mix(seed + Golden);
        x = Mix(x ^ (entity * 0xD1B54A32D192ED03UL + 0x632BE59BD9B4E019UL));
        return Mix(x ^ (stream * 0x8CB92BA72F3D8DD7UL + 0x2545F4914F6CDD1DUL));
    }

    /// <summary>The <paramref name="counter"/>-th 64-bit draw of the stream with key <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ulong key, ulong counter) => Mix(key + (counter + 1) * Golden);

    /// <summary>One 64-bit draw addressed by all four coordinates.</summary>
    public static ulong Draw(ulong seed, ulong entity, ulong stream, ulong counter) =>
        Next(StreamKey(seed, entity, stream), counter);

    /// <summary>Maps 64 random bits to a double in [0, 1) with 53 bits of precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToUnit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
