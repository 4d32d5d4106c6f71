using Simulator.Engine.Random;

namespace Simulator.Runs.Fitting;

/// <summary>
/// Latin-hypercube designs in the unit cube (McKay, Beckman &amp; Conover 1979): each coordinate's
/// n strata are each hit once, in an order shuffled per coordinate, with the point drawn
/// uniformly inside its stratum. Drawn from the engine's counter-based streams, so the same seed
/// gives the same design.
/// </summary>
internal static class LatinHypercube
{
    public static double[][] Design(int n, int dimensions, ulong seed, ulong stream)
    {
        var points = new double[n][];
        for (var k = 0; k < n; k++)
        {
            points[k] = new double[dimensions];
        }

        var strata = new int[n];
        for (var d = 0; d < dimensions; d++)
        {
            var rng = new RandomCursor(seed, (ulong)d, stream);
            for (var k = 0; k < n; k++)
            {
                strata[k] = k;
            }

            for (var k = n - 1; k > 0; k--)
            {
                var j = rng.NextInt(k + 1);
                (strata[k], strata[j]) = (strata[j], strata[k]);
            }

            for (var k = 0; k < n; k++)
            {
                points[k][d] = (strata[k] + rng.NextDouble()) / n;
            }
        }

        return points;
    }
}
