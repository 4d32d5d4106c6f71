using System.Runtime.CompilerServices;

namespace Recommender.State;

/// <summary>
/// The platform's own seeded randomness (exploration, random feed): a SplitMix64 hash of
/// (seed, user, second, slot). It is a pure function, so serving is reproducible and
/// thread-safe; the recommender stays standalone and takes no dependency on the simulator's streams.
/// </summary>
internal static class StableHash
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ulong seed, ulong a, ulong b, ulong c)
    {
        var x = Mix(seed + 0x9E3779B97F4A7C15UL);
        x = Mix(x ^ (a * 0xD1B54A32D192ED03UL));
        x = Mix(x ^ (b * 0x8CB92BA72F3D8DD7UL));
        return Mix(x ^ (c * 0x2545F4914F6CDD1DUL));
    }

    /// <summary>One SplitMix64 round over <paramref name="salt"/> and <paramref name="a"/>: for hot look-ups keyed by one id under a fixed salt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ulong salt, ulong a) => Mix(salt ^ (a * 0xD1B54A32D192ED03UL));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Below(ulong bits, int n) => (int)((bits >> 32) * (ulong)(uint)n >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Unit(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
