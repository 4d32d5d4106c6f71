using System.CommandLine;
using Simulator.Scenarios.Schema;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator schema</c>: writes the scenario JSON Schema for editor completion.</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter stdout)
    {
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var command = new Command("schema", "Write the JSON Schema of scenario files (for '# yaml-language-server: $schema=...').") { output };
        command.SetAction(parse =>
        {
            var json = ScenarioSchema.ToJson() + "\n";
            if (parse.GetValue(output) is { } path)
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(path));
                if (dir is not null)
                {
                    Directory.CreateDirectory(dir);
                }

                File.WriteAllText(path, json);
                stdout.WriteLine($"schema written to {path}");
            }
            else
            {
                stdout.Write(json);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
