using System.Runtime.CompilerServices;

namespace Simulator.Engine.Random;

/// <summary>
/// A cursor over one counter-based stream. It is a mutable struct on purpose: callers
/// keep it on the stack (or in a struct-of-arrays column through <see cref="Counter"/>),
/// so drawing allocates nothing.
/// </summary>
public struct RandomCursor
{
    private readonly ulong _key;

    /// <summary>Opens stream <paramref name="stream"/> of <paramref name="entity"/> at <paramref name="counter"/>.</summary>
    public RandomCursor(ulong seed, ulong entity, ulong stream, ulong counter = 0)
    {
        _key = CounterRng.StreamKey(seed, entity, stream);
        Counter = counter;
    }

    /// <summary>Index of the next draw; store it to resume the stream later.</summary>
    public ulong Counter { get; private set; }

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextBits() => CounterRng.Next(_key, Counter++);

    /// <summary>Uniform double in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => CounterRng.ToUnit(NextBits());

    /// <summary>Uniform double in [min, max).</summary>
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, n), by Lemire's multiply-shift (bias below 2^-32 for n &lt; 2^32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int n) => (int)((NextBits() >> 32) * (ulong)(uint)n >> 32);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal draw (Box–Muller, two uniforms, second value discarded to keep draws addressable).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Normal draw with the given mean and standard deviation.</summary>
    public double Normal(double mean, double sd) => mean + sd * Normal();

    /// <summary>Exponential draw with the given rate.</summary>
    public double Exponential(double rate) => -Math.Log(1.0 - NextDouble()) / rate;

    /// <summary>Standard logistic draw (used for choice noise).</summary>
    public double Logistic()
    {
        var u = NextDouble();
        u = Math.Clamp(u, 1e-12, 1 - 1e-12);
        return Math.Log(u / (1 - u));
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang (ACM TOMS 2000), boosted for shape &lt; 1.</summary>
    public double Gamma(double shape)
    {
        if (shape < 1.0)
        {
            var boost = Math.Pow(NextDouble(), 1.0 / shape);
            return Gamma(shape + 1.0) * boost;
        }

        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1.0 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextDouble();
            if (u < 1.0 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1.0 - v + Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>Fills <paramref name="result"/> with a Dirichlet draw around <paramref name="alpha"/>.</summary>
    public void Dirichlet(ReadOnlySpan<double> alpha, Span<float> result)
    {
        double sum = 0;
        for (var i = 0; i < alpha.Length; i++)
        {
            var g = Gamma(alpha[i]);
            result[i] = (float)g;
            sum += g;
        }

        for (var i = 0; i < alpha.Length; i++)
        {
            result[i] = (float)(result[i] / sum);
        }
    }

    /// <summary>Index drawn from cumulative weights (last entry is the total).</summary>
    public int Categorical(ReadOnlySpan<double> cumulative)
    {
        var u = NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    /// <summary>Poisson draw (Knuth for small means, normal approximation above 30).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(Normal(mean, Math.Sqrt(mean))));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = NextDouble();
        while (p > limit)
        {
            k++;
            p *= NextDouble();
        }

        return k;
    }
}
