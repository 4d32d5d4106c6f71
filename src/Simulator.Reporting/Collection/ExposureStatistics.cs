namespace Simulator.Reporting.Collection;

/// <summary>Concentration of exposure across creators.</summary>
public static class ExposureStatistics
{
    /// <summary>
    /// Gini coefficient of non-negative counts: 0 when all are equal, (n−1)/n when one holds
    /// everything. NaN for an empty input or an all-zero one.
    /// </summary>
    public static double Gini(ReadOnlySpan<long> counts)
    {
        if (counts.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = counts.ToArray();
        Array.Sort(sorted);
        double total = 0, weighted = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            total += sorted[i];
            weighted += (i + 1) * (double)sorted[i];
        }

        if (total <= 0)
        {
            return double.NaN;
        }

        var n = sorted.Length;
        return (2 * weighted / (n * total)) - ((n + 1.0) / n);
    }

    /// <summary>Share of the total held by the top <paramref name="fraction"/> of entries (at least one entry).</summary>
    public static double TopShare(ReadOnlySpan<long> counts, double fraction)
    {
        if (counts.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = counts.ToArray();
        Array.Sort(sorted);
        var top = Math.Max(1, (int)Math.Ceiling(sorted.Length * fraction));
        double total = 0, head = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            total += sorted[i];
            if (i >= sorted.Length - top)
            {
                head += sorted[i];
            }
        }

        return total > 0 ? head / total : double.NaN;
    }

    /// <summary>Median of the counts (the mean of the middle two for an even number); NaN for none.</summary>
    public static double Median(ReadOnlySpan<long> counts)
    {
        if (counts.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = counts.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + (double)sorted[mid]) / 2;
    }
}
