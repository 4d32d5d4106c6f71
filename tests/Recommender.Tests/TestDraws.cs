using Recommender.State;

namespace Recommender.Tests;

/// <summary>Seeded, counter-based draws for tests (the platform's own hash), so no test depends on System.Random.</summary>
internal sealed class TestDraws(ulong seed)
{
    private ulong _counter;

    /// <summary>An integer in [0, <paramref name="n"/>).</summary>
    public int Next(int n) => StableHash.Below(StableHash.Hash(seed, _counter++, 0, 0x7E57UL), n);

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => StableHash.Unit(StableHash.Hash(seed, _counter++, 0, 0x7E57UL));
}
