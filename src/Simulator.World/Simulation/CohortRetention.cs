namespace Simulator.World.Simulation;

/// <summary>
/// Day-N retention by first-active cohort: of the users whose first active day d has d + N
/// inside the completed run, the share active again on day d + N (the classic "unbounded
/// DN" definition used by mobile analytics).
/// </summary>
public static class CohortRetention
{
    /// <summary>Highest N tracked: each user's activity is a 64-bit bitmap from the first active day.</summary>
    public const int MaxDays = 63;

    /// <param name="firstActiveDay">Each user's first active day, −1 if never active.</param>
    /// <param name="activeDays">Bit k set when the user was active on first day + k.</param>
    /// <param name="installSecond">Install second (negative for users installed before the run).</param>
    /// <param name="installsOnly">Count only users who installed during the run (new-install cohorts).</param>
    /// <param name="n">Days after the first active day.</param>
    /// <param name="lastCompleteDay">Last day whose activity is complete.</param>
    /// <returns>The retained share, NaN when no cohort is old enough.</returns>
    public static double Rate(ReadOnlySpan<int> firstActiveDay, ReadOnlySpan<ulong> activeDays, ReadOnlySpan<long> installSecond, bool installsOnly, int n, int lastCompleteDay)
    {
        if (n is < 1 or > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(n), $"Retention is tracked for days 1–{MaxDays}.");
        }

        long cohort = 0, retained = 0;
        for (var u = 0; u < firstActiveDay.Length; u++)
        {
            var first = firstActiveDay[u];
            if (first < 0 || first + n > lastCompleteDay || (installsOnly && installSecond[u] < 0))
            {
                continue;
            }

            cohort++;
            if ((activeDays[u] & (1UL << n)) != 0)
            {
                retained++;
            }
        }

        return cohort == 0 ? double.NaN : (double)retained / cohort;
    }
}
