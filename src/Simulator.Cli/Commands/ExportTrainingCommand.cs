using System.CommandLine;
using System.Text.Json.Nodes;
using Recommender.Ranking;
using Simulator.Reporting.Logging;
using Simulator.Reporting.Results;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator export-training FILE --out DIR</c>: runs a scenario arm and writes the rows its
/// recommender core logged for training (training.parquet), the feature contract
/// (feature-contract.json) and what produced them (export.json), so that a candidate ranker can
/// be trained outside the simulator on exactly what the built-in heads learn from.
/// </summary>
internal static class ExportTrainingCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file." };
        var output = new Option<string>("--out") { Description = "Folder for training.parquet, feature-contract.json and export.json.", Required = true };
        var variant = new Option<string?>("--variant") { Description = "The study arm to run: baseline (default) or a variant's name." };
        var fromDay = new Option<int?>("--from-day") { Description = "Keep only the rows of this simulated day on (day 0 is the first reported day; warm-up days are negative). Default: every row, warm-up included." };
        var set = new RunOptionSet();
        var command = new Command("export-training", "Run a scenario and export the impressions its recommender logged for training: contract features, a label per head, ids and day, as Parquet, with the feature contract as JSON. Replication 1 only unless --replications says more.") { file, output, variant, fromDay };
        ExportFiles.AddRunOptions(command, set);
        command.SetAction(async (parse, token) =>
        {
            var loaded = set.Load(parse, file, stderr, verifyModels: false);
            if (loaded is not { } l || ExportFiles.Arm(l.Document, parse.GetValue(variant), stderr) is not { } arm)
            {
                return ExitCodes.InvalidInput;
            }

            // Only the arm that runs needs its model: the study may name one this export is for.
            if (arm.Recommender.Ranker.Onnx is { } model && !ExportFiles.ModelUsable(model, l.Document.Path, stderr))
            {
                return ExitCodes.InvalidInput;
            }

            var dir = parse.GetValue(output)!;
            var replications = parse.GetValue(set.Replications) ?? 1;
            var parquet = Path.Combine(dir, "training.parquet");
            long rows = 0, lost = 0;
            RunResult? run = null;
            try
            {
                ExportFiles.WriteAtomically(parquet, stream =>
                {
                    using var export = new TrainingExport(stream);
                    var options = l.Options with
                    {
                        Replications = replications,
                        ReplicationLanes = 1,
                        OnWorldBuilt = (r, core) => core.TrainingSink = export.For(r, parse.GetValue(fromDay) ?? int.MinValue),
                        OnWorldFinished = (_, core) =>
                        {
                            core.FlushTrainingSink();
                            lost += core.TrainingRowsLost;
                        },
                    };
                    run = ScenarioRunner.Run(arm, options, parse.GetValue(set.Quiet) ? null : new DayProgress(stderr), token);
                    if (!run.Complete)
                    {
                        throw new OperationCanceledException();
                    }

                    export.Dispose();
                    rows = export.Rows;
                });
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("interrupted: no training data written.");
                return ExitCodes.RunFailure;
            }

            ExportFiles.WriteAtomically(Path.Combine(dir, "feature-contract.json"), s => s.Write(System.Text.Encoding.UTF8.GetBytes(FeatureContract.ToJson())));
            var about = new JsonObject
            {
                ["scenario"] = arm.Name,
                ["arm"] = parse.GetValue(variant) ?? "baseline",
                ["scenario_file"] = l.Document.Path,
                ["scenario_sha256"] = l.Document.Hash,
                ["seed"] = run!.Scenario.Seed,
                ["replications"] = replications,
                ["scale"] = l.Options.Scale,
                ["feature_contract_version"] = FeatureContract.Version,
                ["rows"] = rows,
                ["rows_lost"] = lost,
                ["from_day"] = parse.GetValue(fromDay),
                ["days"] = "negative days are the warm-up; day 0 is the first reported day",
                ["version"] = BuildInfo.Version,
                ["command"] = RunOptionSet.CommandLine(),
            };
            ExportFiles.WriteAtomically(Path.Combine(dir, "export.json"), s => s.Write(System.Text.Encoding.UTF8.GetBytes(about.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n")));
            stdout.WriteLine($"{rows:N0} training rows of {arm.Name} ({replications} replication(s)) written to {parquet}{(lost > 0 ? $"; {lost:N0} rows were overwritten in the log before export (raise recommender.log_capacity)" : "")}");
            await Task.CompletedTask.ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
