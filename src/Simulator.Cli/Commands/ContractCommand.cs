using System.CommandLine;
using Recommender.Ranking;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator contract</c>: prints the ranker feature contract (Markdown, or JSON with --json).</summary>
internal static class ContractCommand
{
    public static Command Create(TextWriter stdout)
    {
        var json = new Option<bool>("--json") { Description = "JSON instead of Markdown." };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var command = new Command("contract", $"Print the feature contract an external ranker follows (version {FeatureContract.Version}): input features, outputs, units. docs/feature-contract.md is this page.") { json, output };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(json) ? FeatureContract.ToJson() : FeatureContract.ToMarkdown();
            if (parse.GetValue(output) is { } path)
            {
                ExportFiles.WriteAtomically(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));
                stdout.WriteLine($"feature contract written to {path}");
            }
            else
            {
                stdout.Write(text);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
