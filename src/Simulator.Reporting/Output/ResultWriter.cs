using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using Simulator.Reporting.Results;
using Simulator.Reporting.Statistics;
using Simulator.Scenarios.Loading;

namespace Simulator.Reporting.Output;

/// <summary>
/// Writes <c>summary.json</c>, <c>daily.csv</c>, <c>manifest.json</c> and a copy of the scenario
/// into <c>&lt;root&gt;/&lt;scenario&gt;/</c> through <see cref="AtomicFolder"/>, so an interrupted
/// write never leaves a folder that looks complete. Summary and daily files depend only on the scenario and seed (same bytes on
/// any thread count); wall time and machine go to the manifest alone.
/// </summary>
public static class ResultWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the results and returns the final folder.</summary>
    public static string Write(string root, ScenarioDocument document, RunResult run, ManifestInfo info)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(info);
        return AtomicFolder.Write(root, run.Scenario.Name, dir => WriteRunFiles(dir, document, run, info));
    }

    /// <summary>Writes one run's files into an existing folder <paramref name="dir"/>.</summary>
    public static void WriteRunFiles(string dir, ScenarioDocument document, RunResult run, ManifestInfo info)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(info);
        File.WriteAllText(Path.Combine(dir, "summary.json"), SummaryJson(run));
        WriteDaily(Path.Combine(dir, "daily.csv"), run);
        WriteSegments(Path.Combine(dir, "segments.csv"), run);
        WriteEvaluations(Path.Combine(dir, "recommender.csv"), run);
        MarketingCsv.WriteCampaigns(Path.Combine(dir, "campaigns.csv"), run);
        MarketingCsv.WriteCreators(Path.Combine(dir, "creators.csv"), run);
        var manifest = ManifestJson(document, run, info);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), manifest);
        File.WriteAllText(Path.Combine(dir, "scenario.yaml"), document.Text);
        Report.ReportBuilder.WriteRun(dir, document, run, manifest);
        if (run.ImpressionLogPath is { } log && File.Exists(log))
        {
            File.Move(log, Path.Combine(dir, "impressions.parquet"));
        }
    }

    /// <summary>The summary document: per metric, mean, spread and 95 % CI over replications.</summary>
    public static string SummaryJson(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var metrics = new JsonObject();
        var keys = run.Replications.SelectMany(r => r.Metrics.Keys).Distinct().Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var values = run.Replications.Where(r => r.Metrics.ContainsKey(key)).Select(r => r.Metrics[key]).ToList();
            var s = MetricSummary.Of(values);
            metrics[key] = new JsonObject
            {
                ["mean"] = s.Mean,
                ["sd"] = s.StdDev,
                ["se"] = s.StdError,
                ["ci95_low"] = s.Ci95Low,
                ["ci95_high"] = s.Ci95High,
                ["n"] = s.N,
                ["values"] = new JsonArray(s.Values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
            };
        }

        var doc = new JsonObject
        {
            ["scenario"] = run.Scenario.Name,
            ["complete"] = run.Complete,
            ["replications"] = run.Replications.Count,
            ["planned_replications"] = run.PlannedReplications,
            ["days"] = run.Scenario.Duration.Days,
            ["users"] = run.Replications.Count > 0 ? run.Replications[0].Users : 0,
            ["impressions"] = run.Impressions,
            ["metrics"] = metrics,
        };
        return doc.ToJsonString(Indented) + "\n";
    }

    private static void WriteDaily(string path, RunResult run)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        string[] header =
        [
            "replication", "day", "dau", "mau", "dau_mau", "new_users", "sessions", "sessions_per_dau",
            "minutes", "minutes_per_dau", "session_minutes", "impressions", "completion_rate", "like_rate",
            "fatigue_exit_share", "repeat_topic_share", "topic_entropy", "mean_satiation", "new_creator_share",
            "uploads", "limit_prompts", "limit_exits", "curfew_exits",
        ];
        CsvFormat.Header(csv, header);
        foreach (var rep in run.Replications)
        {
            foreach (var d in rep.Days)
            {
                csv.WriteField(rep.Index);
                csv.WriteField(d.Day);
                csv.WriteField(d.Dau);
                csv.WriteField(d.Mau);
                csv.WriteField(CsvFormat.Ratio(d.Dau, d.Mau));
                csv.WriteField(d.NewUsers);
                csv.WriteField(d.SessionsStarted);
                csv.WriteField(CsvFormat.Ratio(d.SessionsStarted, d.Dau));
                csv.WriteField(CsvFormat.Number(d.WatchMinutes));
                csv.WriteField(CsvFormat.Ratio(d.WatchMinutes, d.Dau));
                csv.WriteField(CsvFormat.Ratio(d.EndedSessionMinutes, d.SessionsEnded));
                csv.WriteField(d.Impressions);
                csv.WriteField(CsvFormat.Ratio(d.Completions, d.Impressions));
                csv.WriteField(CsvFormat.Ratio(d.Likes, d.Impressions));
                csv.WriteField(CsvFormat.Ratio(d.FatigueExits, d.SessionsEnded));
                csv.WriteField(CsvFormat.Ratio(d.RepeatTopicImpressions, d.Impressions));
                csv.WriteField(CsvFormat.Ratio(d.SessionEntropyMilli / 1000.0, d.SessionsWithImpressions));
                csv.WriteField(CsvFormat.Ratio(d.SatiationMilli / 1000.0, d.Impressions));
                csv.WriteField(CsvFormat.Ratio(d.NewCreatorImpressions, d.Impressions));
                csv.WriteField(d.Uploads);
                csv.WriteField(d.LimitPrompts);
                csv.WriteField(d.LimitExits);
                csv.WriteField(d.CurfewExits);
                csv.NextRecord();
            }
        }
    }

    private static void WriteSegments(string path, RunResult run)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        string[] header =
        [
            "replication", "dimension", "segment", "users", "ever_active", "daily_active_share", "minutes_per_dau",
            "sessions_per_dau", "minutes_per_session", "retention_d1", "retention_d7", "completion_rate",
            "repeat_topic_share", "fatigue_exit_share", "topic_entropy",
        ];
        CsvFormat.Header(csv, header);
        foreach (var rep in run.Replications)
        {
            foreach (var s in rep.Segments)
            {
                csv.WriteField(rep.Index);
                csv.WriteField(s.Dimension);
                csv.WriteField(s.Segment);
                csv.WriteField(s.Users);
                csv.WriteField(s.EverActive);
                csv.WriteField(CsvFormat.Number(s.DailyActiveShare));
                csv.WriteField(CsvFormat.Number(s.MinutesPerDau));
                csv.WriteField(CsvFormat.Number(s.SessionsPerDau));
                csv.WriteField(CsvFormat.Number(s.MinutesPerSession));
                csv.WriteField(CsvFormat.Number(s.RetentionD1));
                csv.WriteField(CsvFormat.Number(s.RetentionD7));
                csv.WriteField(CsvFormat.Number(s.CompletionRate));
                csv.WriteField(CsvFormat.Number(s.RepeatTopicShare));
                csv.WriteField(CsvFormat.Number(s.FatigueExitShare));
                csv.WriteField(CsvFormat.Number(s.TopicEntropy));
                csv.NextRecord();
            }
        }
    }

    private static void WriteEvaluations(string path, RunResult run)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("replication");
        csv.WriteField("day");
        csv.WriteField("rows");
        foreach (var h in Recommender.Evaluation.OfflineEvaluation.HeadNames)
        {
            csv.WriteField("auc_" + h);
        }

        csv.WriteField("gauc_finish");
        csv.WriteField("gauc_like");
        csv.WriteField("ndcg_at_10");
        csv.WriteField("coverage");
        csv.NextRecord();
        foreach (var rep in run.Replications)
        {
            foreach (var e in rep.Evaluations)
            {
                csv.WriteField(rep.Index);
                csv.WriteField(e.AtSecond / 86_400.0);
                csv.WriteField(e.Rows);
                foreach (var a in e.Auc)
                {
                    csv.WriteField(CsvFormat.Number(a));
                }

                csv.WriteField(CsvFormat.Number(e.GaucFinish));
                csv.WriteField(CsvFormat.Number(e.GaucLike));
                csv.WriteField(CsvFormat.Number(e.NdcgAt10));
                csv.WriteField(CsvFormat.Number(e.Coverage));
                csv.NextRecord();
            }
        }
    }

    private static string ManifestJson(ScenarioDocument document, RunResult run, ManifestInfo info)
    {
        var doc = new JsonObject
        {
            ["scenario"] = run.Scenario.Name,
            ["scenario_file"] = document.Path,
            ["scenario_sha256"] = document.Hash,
            ["seed"] = run.Scenario.Seed,
            ["replication_seeds"] = new JsonArray(run.Replications.Select(r => (JsonNode?)JsonValue.Create(r.Seed)).ToArray()),
            ["complete"] = run.Complete,
            ["status"] = run.Complete ? "complete" : "interrupted",
            ["version"] = info.Version,
            ["commit"] = info.Commit,
            ["command"] = info.Command,
            ["started_utc"] = info.StartedUtc,
            ["wall_seconds"] = Math.Round(run.WallSeconds, 3),
            ["impressions_per_second"] = run.WallSeconds > 0 ? Math.Round(run.Impressions / run.WallSeconds) : 0,
            ["replication_lanes"] = run.Lanes,
            ["threads"] = run.Threads,
            ["scale"] = run.Scale,
            ["machine"] = info.Machine,
        };
        return doc.ToJsonString(Indented) + "\n";
    }

}
