using Recommender.Abstractions;
using Simulator.World.Population;

namespace Simulator.Reporting.Collection;

/// <summary>
/// Aggregates the users' lifetime counters by generation, gender, country, device and
/// teen/adult account, age band and (where some users opted out of personalisation) feed at
/// the end of a run: no per-tick cost.
/// </summary>
public static class SegmentMetrics
{
    private static readonly string[] DeviceNames = ["ios", "android_high", "android_low"];

    /// <summary>
    /// Age bands: 13 alone because Douyin's youth mode and most minor-protection rules draw their line
    /// at under-14 (personas start at 13), then the bands of the usual platform demographics tables.
    /// </summary>
    public static readonly string[] AgeBands = ["13", "14-15", "16-17", "18-24", "25-34", "35-44", "45-54", "55+"];

    /// <summary>The index in <see cref="AgeBands"/> of an age.</summary>
    public static int AgeBand(int age) => age switch
    {
        <= 13 => 0,
        <= 15 => 1,
        <= 17 => 2,
        <= 24 => 3,
        <= 34 => 4,
        <= 44 => 5,
        <= 54 => 6,
        _ => 7,
    };

    public static List<SegmentRow> Compute(UserTable users, int completeDays)
    {
        ArgumentNullException.ThrowIfNull(users);
        var rows = new List<SegmentRow>();
        Add(rows, users, completeDays, "generation", Generations.Keys, u => (int)users.Persona.Generation[u]);
        Add(rows, users, completeDays, "gender", Genders.Keys, u => users.Persona.Gender[u]);
        Add(rows, users, completeDays, "country", Countries.Codes, u => users.Persona.Country[u]);
        Add(rows, users, completeDays, "device", DeviceNames, u => users.Persona.Device[u] switch
        {
            DeviceKind.Ios => 0,
            DeviceKind.AndroidHigh => 1,
            _ => 2,
        });
        Add(rows, users, completeDays, "account", ["teen", "adult"], u => users.Persona.IsTeen[u] ? 0 : 1);
        Add(rows, users, completeDays, "age", AgeBands, u => AgeBand(users.Persona.Age[u]));
        if (Array.IndexOf(users.Policy.NonPersonalizedFeed, true) >= 0)
        {
            // Only in runs where someone switched personalisation off (policies: non_personalized_feed).
            Add(rows, users, completeDays, "feed", ["personalized", "non_personalized"], u => users.Policy.NonPersonalizedFeed[u] ? 1 : 0);
        }

        return rows;
    }

    private static void Add(List<SegmentRow> rows, UserTable users, int completeDays, string dimension, string[] names, Func<int, int> segmentOf)
    {
        var n = names.Length;
        var count = new int[n];
        var active = new int[n];
        var activeDays = new long[n];
        var watchMs = new long[n];
        var sessions = new long[n];
        var impressions = new long[n];
        var completions = new long[n];
        var repeats = new long[n];
        var fatigue = new long[n];
        var entropyMilli = new long[n];
        var entropySessions = new long[n];
        var d1Cohort = new long[n];
        var d1Back = new long[n];
        var d7Cohort = new long[n];
        var d7Back = new long[n];
        for (var u = 0; u < users.Count; u++)
        {
            var s = segmentOf(u);
            count[s]++;
            var first = users.Activity.FirstActiveDay[u];
            if (first < 0)
            {
                continue;
            }

            active[s]++;
            activeDays[s] += users.Activity.ActiveDayCount[u];
            watchMs[s] += users.Lifetime.WatchMs[u];
            sessions[s] += users.Lifetime.Sessions[u];
            impressions[s] += users.Lifetime.Impressions[u];
            completions[s] += users.Lifetime.Completions[u];
            repeats[s] += users.Lifetime.RepeatImpressions[u];
            fatigue[s] += users.Lifetime.FatigueExits[u];
            entropyMilli[s] += users.Lifetime.EntropyMilli[u];
            entropySessions[s] += users.Lifetime.EntropySessions[u];
            var bits = users.Activity.ActiveDays[u];
            if (first + 1 < completeDays)
            {
                d1Cohort[s]++;
                d1Back[s] += (long)((bits >> 1) & 1);
            }

            if (first + 7 < completeDays)
            {
                d7Cohort[s]++;
                d7Back[s] += (long)((bits >> 7) & 1);
            }
        }

        for (var s = 0; s < n; s++)
        {
            if (count[s] == 0)
            {
                continue;
            }

            rows.Add(new SegmentRow
            {
                Dimension = dimension,
                Segment = names[s],
                Users = count[s],
                EverActive = active[s],
                DailyActiveShare = completeDays > 0 ? (double)activeDays[s] / ((double)count[s] * completeDays) : double.NaN,
                MinutesPerDau = Ratio(watchMs[s] / 60_000.0, activeDays[s]),
                SessionsPerDau = Ratio(sessions[s], activeDays[s]),
                MinutesPerSession = Ratio(watchMs[s] / 60_000.0, sessions[s]),
                RetentionD1 = Ratio(d1Back[s], d1Cohort[s]),
                RetentionD7 = Ratio(d7Back[s], d7Cohort[s]),
                CompletionRate = Ratio(completions[s], impressions[s]),
                RepeatTopicShare = Ratio(repeats[s], impressions[s]),
                FatigueExitShare = Ratio(fatigue[s], sessions[s]),
                TopicEntropy = Ratio(entropyMilli[s] / 1000.0, entropySessions[s]),
            });
        }
    }

    private static double Ratio(double num, double den) => den > 0 ? num / den : double.NaN;
}
