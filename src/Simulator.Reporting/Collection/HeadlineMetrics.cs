using Simulator.Scenarios.Model;
using Simulator.World.Simulation;

namespace Simulator.Reporting.Collection;

/// <summary>
/// Derives the headline metrics of one replication from its daily totals and the users' activity
/// bitmaps. Keys follow the public contract (DESIGN.md §7); a metric the run cannot measure
/// (e.g. D30 retention in a 10-day run) is left out rather than reported as 0.
/// </summary>
public static class HeadlineMetrics
{
    /// <summary>Days at the end of the run over which DAU/MAU is averaged.</summary>
    public const int DauMauWindowDays = 7;

    public static SortedDictionary<string, double> Compute(IReadOnlyList<DailyTotals> days, Func<int, double> retention, double churnRate)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(retention);
        var m = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (days.Count == 0)
        {
            return m;
        }

        double dau = 0, watch = 0, sessions = 0, ended = 0, endedMinutes = 0, impressions = 0;
        double completions = 0, likes = 0, shares = 0, fatigueExits = 0, repeats = 0, limitExits = 0, curfewExits = 0;
        double satiationMilli = 0, entropyMilli = 0, entropySessions = 0, newCreatorImpressions = 0;
        double organic = 0, firstDay = 0, firstWeek = 0, followingUploads = 0, accounts = 0, caughtUp = 0, edges = 0, friendEdges = 0;
        var byLength = new LengthBuckets();
        var completedByLength = new LengthBuckets();
        foreach (var d in days)
        {
            dau += d.Dau;
            watch += d.WatchMinutes;
            sessions += d.SessionsStarted;
            ended += d.SessionsEnded;
            endedMinutes += d.EndedSessionMinutes;
            impressions += d.Impressions;
            completions += d.Completions;
            likes += d.Likes;
            shares += d.Shares;
            fatigueExits += d.FatigueExits;
            repeats += d.RepeatTopicImpressions;
            limitExits += d.LimitExits;
            curfewExits += d.CurfewExits;
            satiationMilli += d.SatiationMilli;
            entropyMilli += d.SessionEntropyMilli;
            entropySessions += d.SessionsWithImpressions;
            newCreatorImpressions += d.NewCreatorImpressions;
            organic += d.OrganicImpressions;
            firstDay += d.FirstDayImpressions;
            firstWeek += d.FirstWeekImpressions;
            followingUploads += d.FollowingUploads;
            accounts += d.Accounts;
            edges += d.FollowEdges;
            friendEdges += d.PersonalFollowEdges;
            caughtUp += d.CaughtUpExits;
            for (var b = 0; b < LengthBuckets.Count; b++)
            {
                byLength[b] += d.ImpressionsByLength[b];
                completedByLength[b] += d.CompletionsByLength[b];
            }
        }

        // DAU/MAU over the final week. Before day 30 the MAU window is truncated at the start
        // of the run, which overstates DAU/MAU in short runs (documented in the README).
        double ratio = 0;
        var n = 0;
        for (var i = Math.Max(0, days.Count - DauMauWindowDays); i < days.Count; i++)
        {
            if (days[i].Mau > 0)
            {
                ratio += (double)days[i].Dau / days[i].Mau;
                n++;
            }
        }

        Put(m, MetricKeys.DauMau, n == 0 ? double.NaN : ratio / n);
        Put(m, MetricKeys.MinutesPerDau, Safe(watch, dau));
        Put(m, MetricKeys.MinutesPerUser, Safe(watch, accounts));
        Put(m, MetricKeys.SessionsPerDau, Safe(sessions, dau));
        Put(m, MetricKeys.SessionMinutes, Safe(endedMinutes, ended));
        Put(m, MetricKeys.ImpressionsPerDau, Safe(impressions, dau));
        Put(m, MetricKeys.CaughtUpExitShare, Safe(caughtUp, ended));
        var lastDay = days[^1].Day;
        Put(m, MetricKeys.RetentionD1, retention(1));
        if (lastDay >= 7)
        {
            Put(m, MetricKeys.RetentionD7, retention(7));
        }

        if (lastDay >= 30)
        {
            Put(m, MetricKeys.RetentionD30, retention(30));
        }

        Put(m, MetricKeys.ChurnRate, churnRate);
        Put(m, MetricKeys.RepeatTopicShare, Safe(repeats, impressions));
        Put(m, MetricKeys.TopicEntropy, Safe(entropyMilli / 1000.0, entropySessions));
        Put(m, MetricKeys.MeanSatiation, Safe(satiationMilli / 1000.0, impressions));
        Put(m, MetricKeys.NewCreatorShare, Safe(newCreatorImpressions, impressions));
        Put(m, MetricKeys.ViewsFirstDayShare, Safe(firstDay, organic));
        Put(m, MetricKeys.ViewsFirstWeekShare, Safe(firstWeek, organic));
        Put(m, MetricKeys.FollowsPerAccount, Safe(edges, accounts));
        Put(m, MetricKeys.FriendFollowShare, Safe(friendEdges, edges));
        Put(m, MetricKeys.FollowingUploadsPerAccount, Safe(followingUploads, accounts));
        Put(m, MetricKeys.BoredomExitShare, Safe(fatigueExits, ended));
        Put(m, MetricKeys.CompletionRate, Safe(completions, impressions));
        Put(m, MetricKeys.LikeRate, Safe(likes, impressions));
        Put(m, MetricKeys.ShareRate, Safe(shares, impressions));
        for (var b = 0; b < LengthBuckets.Count; b++)
        {
            Put(m, MetricKeys.Completion(LengthBuckets.NominalSeconds[b]), Safe(completedByLength[b], byLength[b]));
        }

        Put(m, MetricKeys.LimitExitShare, Safe(limitExits, ended));
        Put(m, MetricKeys.CurfewExitShare, Safe(curfewExits, ended));
        return m;
    }

    /// <summary>
    /// Creator exposure over the reported days: Gini of impressions across all creators (those
    /// never shown count as zero) and the share of impressions taken by the top 1 % of creators.
    /// </summary>
    public static void AddCreators(SortedDictionary<string, double> m, ReadOnlySpan<long> impressionsPerCreator)
    {
        ArgumentNullException.ThrowIfNull(m);
        Put(m, MetricKeys.ExposureGini, ExposureStatistics.Gini(impressionsPerCreator));
        Put(m, MetricKeys.Top1PctImpressionShare, ExposureStatistics.TopShare(impressionsPerCreator, 0.01));
    }

    /// <summary>
    /// What a typical newcomer gets: the median, over the organic creators who debut during the
    /// reported days (<paramref name="debutDay"/> 0 or later), of their videos' impressions in the
    /// reported days. Unlike the newcomers' impression share, one newcomer's hit does not decide it.
    /// </summary>
    /// <param name="m">The headline metrics.</param>
    /// <param name="impressions">Impressions per creator account in the reported days.</param>
    /// <param name="debutDay">Each creator's debut day (int.MinValue for creators posting from the start).</param>
    /// <param name="organicCreators">Creators [0, organicCreators) are organic (campaign and personal accounts come after).</param>
    public static void AddNewcomers(SortedDictionary<string, double> m, ReadOnlySpan<long> impressions, ReadOnlySpan<int> debutDay, int organicCreators)
    {
        ArgumentNullException.ThrowIfNull(m);
        var reached = new List<long>();
        for (var c = 0; c < organicCreators; c++)
        {
            if (debutDay[c] >= 0)
            {
                reached.Add(impressions[c]);
            }
        }

        Put(m, MetricKeys.NewcomerMedianImpressions, ExposureStatistics.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(reached)));
    }

    /// <summary>
    /// Offline evaluation of the recommender (DESIGN.md §5): the last evaluation of the run, i.e.
    /// the final model's predecessor scored on the impressions logged after it was trained.
    /// </summary>
    public static void AddRecommender(SortedDictionary<string, double> m, IReadOnlyList<Recommender.Evaluation.OfflineEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(evaluations);
        if (evaluations.Count == 0)
        {
            return;
        }

        var last = evaluations[^1];
        for (var h = 0; h < last.Auc.Count; h++)
        {
            Put(m, MetricKeys.AucPrefix + Recommender.Evaluation.OfflineEvaluation.HeadNames[h], last.Auc[h]);
        }

        Put(m, MetricKeys.GaucPrefix + "finish", last.GaucFinish);
        Put(m, MetricKeys.GaucPrefix + "like", last.GaucLike);
        Put(m, MetricKeys.NdcgAt10, last.NdcgAt10);
        Put(m, MetricKeys.Coverage, last.Coverage);
    }

    private static double Safe(double num, double den) => den > 0 ? num / den : double.NaN;

    /// <summary>Sets a metric when it could be measured (finite); leaves it out otherwise.</summary>
    public static void Put(SortedDictionary<string, double> m, string key, double value)
    {
        if (double.IsFinite(value))
        {
            m[key] = value;
        }
    }
}
