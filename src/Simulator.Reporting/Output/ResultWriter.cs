using System.Text.Json;
using System.Text.Json.Nodes;
using Simulator.Reporting.Results;
using Simulator.Reporting.Settle;
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
        ResultTables.Daily.Write(Path.Combine(dir, "daily.csv"), ResultTables.Rows(run, r => r.Days));
        ResultTables.Segments.Write(Path.Combine(dir, "segments.csv"), ResultTables.Rows(run, r => r.Segments));
        ResultTables.Evaluations.Write(Path.Combine(dir, "recommender.csv"), ResultTables.Rows(run, r => r.Evaluations));
        ResultTables.Campaigns.Write(Path.Combine(dir, "campaigns.csv"), ResultTables.Rows(run, r => r.Campaigns));
        ResultTables.Creators.Write(Path.Combine(dir, "creators.csv"), ResultTables.Rows(run, r => r.Creators));
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
            ["settle"] = SettleJson(SettleDiagnostic.Of(run)),
            ["metrics"] = metrics,
        };
        return doc.ToJsonString(Indented) + "\n";
    }

    /// <summary>The settle diagnostic as summary.json carries it.</summary>
    public static JsonObject SettleJson(SettleDiagnostic settle)
    {
        ArgumentNullException.ThrowIfNull(settle);
        var checks = new JsonObject();
        foreach (var c in settle.Checks)
        {
            checks[c.Metric] = new JsonObject
            {
                ["drift"] = double.IsFinite(c.Drift) ? c.Drift : null,
                ["ci95_low"] = double.IsFinite(c.Ci95Low) ? c.Ci95Low : null,
                ["ci95_high"] = double.IsFinite(c.Ci95High) ? c.Ci95High : null,
                ["settled"] = c.Settled,
            };
        }

        return new JsonObject
        {
            ["assessed"] = settle.Assessed,
            ["settled"] = settle.Settled,
            ["window_days"] = settle.WindowDays,
            ["tolerance"] = SettleDiagnostic.Tolerance,
            ["metrics"] = checks,
        };
    }

    private static string ManifestJson(ScenarioDocument document, RunResult run, ManifestInfo info)
    {
        var doc = new JsonObject
        {
            ["scenario"] = run.Scenario.Name,
            ["scenario_file"] = document.Path,
            ["scenario_sha256"] = document.Hash,
            ["calibration_profile"] = document.Profile?.Source ?? "none",
            ["calibration_profile_sha256"] = document.Profile?.Hash,
            ["seed"] = run.Scenario.Seed,
            ["replication_seeds"] = new JsonArray(run.Replications.Select(r => (JsonNode?)JsonValue.Create(r.Seed)).ToArray()),
            ["complete"] = run.Complete,
            ["status"] = run.Complete ? "complete" : "interrupted",
            ["settled"] = SettleDiagnostic.Of(run) is { Assessed: true } settle ? settle.Settled : null,
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
        if (run.Scenario.Recommender.Ranker.Onnx is { } model)
        {
            // The external ranker that scored this arm, by content: a retrained file at the same path is another model.
            doc["ranker_onnx"] = model;
            doc["ranker_onnx_sha256"] = document.Models.TryGetValue(model, out var sha) ? sha : null;
        }

        if (run.Scenario.Recommender is { Policy: Recommender.FeedPolicyKind.Plugin, Plugin: { Assembly: { } assembly } plugin })
        {
            doc["plugin_assembly"] = assembly;
            doc["plugin_type"] = plugin.Type;
            doc["plugin_assembly_sha256"] = document.Models.TryGetValue(assembly, out var pluginSha) ? pluginSha : null;
        }

        return doc.ToJsonString(Indented) + "\n";
    }

}
