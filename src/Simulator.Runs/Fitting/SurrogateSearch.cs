using Simulator.Engine.Random;

namespace Simulator.Runs.Fitting;

/// <summary>
/// Minimises a cheap predicted loss inside the trust box by compass search (Hooke &amp; Jeeves
/// 1961; Kolda, Lewis &amp; Torczon 2003): from several starts, step each coordinate up and down,
/// keep what lowers the prediction, halve the step when nothing does. Derivative-free, bounded
/// and deterministic; the surrogate costs microseconds, so thoroughness is cheap.
/// </summary>
internal static class SurrogateSearch
{
    private const double MinStep = 1e-3;
    private const int MaxSweeps = 400;

    /// <summary>The local minima reached from each start, best first, each with its predicted loss.</summary>
    public static List<(double[] Point, double Loss)> Minima(Func<double[], double> predicted, IReadOnlyList<double[]> starts, double[] low, double[] high)
    {
        var results = new List<(double[], double)>(starts.Count);
        foreach (var start in starts)
        {
            var u = new double[start.Length];
            for (var i = 0; i < u.Length; i++)
            {
                u[i] = Math.Clamp(start[i], low[i], high[i]);
            }

            results.Add(Descend(predicted, u, low, high));
        }

        results.Sort((a, b) => a.Item2.CompareTo(b.Item2));
        return results;
    }

    /// <summary>Random starts inside the box, from the engine's counter-based streams.</summary>
    public static double[][] Starts(int n, double[] low, double[] high, ulong seed, ulong stream)
    {
        var starts = LatinHypercube.Design(n, low.Length, seed, stream);
        foreach (var s in starts)
        {
            for (var i = 0; i < s.Length; i++)
            {
                s[i] = low[i] + s[i] * (high[i] - low[i]);
            }
        }

        return starts;
    }

    /// <summary>A uniform point of the box (used when the search has nothing new to offer).</summary>
    public static double[] Uniform(double[] low, double[] high, ulong seed, ulong stream)
    {
        var rng = new RandomCursor(seed, 0, stream);
        var u = new double[low.Length];
        for (var i = 0; i < u.Length; i++)
        {
            u[i] = rng.Uniform(low[i], high[i]);
        }

        return u;
    }

    private static (double[], double) Descend(Func<double[], double> f, double[] u, double[] low, double[] high)
    {
        var best = f(u);
        var step = 0.0;
        for (var i = 0; i < u.Length; i++)
        {
            step = Math.Max(step, (high[i] - low[i]) / 4);
        }

        for (var sweep = 0; sweep < MaxSweeps && step >= MinStep; sweep++)
        {
            var moved = false;
            for (var i = 0; i < u.Length; i++)
            {
                var keep = u[i];
                foreach (var delta in (ReadOnlySpan<double>)[step, -step])
                {
                    var next = Math.Clamp(keep + delta, low[i], high[i]);
                    if (next == keep)
                    {
                        continue;
                    }

                    u[i] = next;
                    var value = f(u);
                    if (value < best)
                    {
                        best = value;
                        keep = next;
                        moved = true;
                        break;
                    }

                    u[i] = keep;
                }
            }

            if (!moved)
            {
                step /= 2;
            }
        }

        return (u, best);
    }
}
