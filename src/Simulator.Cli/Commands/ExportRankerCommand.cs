using System.CommandLine;
using System.Globalization;
using Recommender.Ranking;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator export-ranker FILE --out MODEL.onnx</c>: runs one replication of a scenario arm
/// and writes the built-in heads serving at its end as an ONNX model under the feature contract,
/// which <c>recommender: { ranker: { onnx: MODEL.onnx } }</c> can serve in another run.
/// </summary>
internal static class ExportRankerCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file." };
        var output = new Option<string>("--out") { Description = "The ONNX file to write.", Required = true };
        var variant = new Option<string?>("--variant") { Description = "The study arm to run: baseline (default) or a variant's name." };
        var set = new RunOptionSet();
        var command = new Command("export-ranker", $"Run replication 1 of a scenario and export the built-in ranking heads serving at its end as ONNX (feature contract version {FeatureContract.Version}); scoring the file reproduces the heads to float precision.") { file, output, variant };
        ExportFiles.AddRunOptions(command, set);
        command.SetAction(async (parse, token) =>
        {
            var loaded = set.Load(parse, file, stderr, verifyModels: false);
            if (loaded is not { } l || ExportFiles.Arm(l.Document, parse.GetValue(variant), stderr) is not { } arm)
            {
                return ExitCodes.InvalidInput;
            }

            if (arm.Recommender.Policy != Recommender.FeedPolicyKind.Ranked || arm.Recommender.Ranker.Onnx is not null)
            {
                stderr.WriteLine($"error: {l.Document.Path}: recommender.policy must be ranked with the built-in heads (no ranker.onnx) to export them.");
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(output)!;
            var exported = false;
            var options = l.Options with
            {
                Replications = 1,
                ReplicationLanes = 1,
                OnWorldFinished = (_, core) => ExportFiles.WriteAtomically(path, stream =>
                {
                    exported = core.ExportRanker(stream, new Dictionary<string, string>
                    {
                        ["scenario"] = arm.Name,
                        ["scenario_sha256"] = l.Document.Hash,
                        ["seed"] = arm.Seed.ToString(CultureInfo.InvariantCulture),
                        ["simulator_version"] = BuildInfo.Version,
                    });
                    if (!exported)
                    {
                        throw new InvalidOperationException("no trained model");
                    }
                }),
            };
            try
            {
                var run = ScenarioRunner.Run(arm, options, parse.GetValue(set.Quiet) ? null : new DayProgress(stderr), token);
                if (!run.Complete)
                {
                    stderr.WriteLine("interrupted: no model written.");
                    return ExitCodes.RunFailure;
                }
            }
            catch (InvalidOperationException) when (!exported)
            {
                stderr.WriteLine($"error: {l.Document.Path}: the run ended before the ranking heads were first trained (they need a day of traffic); run longer or with more users.");
                return ExitCodes.RunFailure;
            }

            stdout.WriteLine($"ranking heads of {arm.Name} written to {path}");
            await Task.CompletedTask.ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
