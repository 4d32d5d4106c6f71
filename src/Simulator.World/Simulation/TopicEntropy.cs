namespace Simulator.World.Simulation;

/// <summary>Shannon entropy of a topic histogram, in bits (0 for one topic, log2 K for an even spread).</summary>
public static class TopicEntropy
{
    /// <summary>Entropy of <paramref name="counts"/>, or null when they are all zero.</summary>
    public static double? Bits(ReadOnlySpan<byte> counts)
    {
        long total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        if (total == 0)
        {
            return null;
        }

        double h = 0;
        foreach (var c in counts)
        {
            if (c > 0)
            {
                var p = (double)c / total;
                h -= p * Math.Log2(p);
            }
        }

        return h;
    }
}
