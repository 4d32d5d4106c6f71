using System.CommandLine;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator validate &lt;files...&gt;</c>: checks scenario files without running them.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Description = "Scenario YAML files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario files: every error with file, line, column and key. Writes nothing.") { files };
        command.SetAction(parse =>
        {
            var bad = 0;
            var all = parse.GetValue(files)!;
            foreach (var f in all)
            {
                var doc = ScenarioInput.TryLoad(f, stderr);
                if (doc is null)
                {
                    bad++;
                }
                else
                {
                    stdout.WriteLine($"{f}: ok ({doc.Scenario.Name}, {doc.Variants.Count} variant(s))");
                }
            }

            stdout.WriteLine($"{all.Length - bad} valid, {bad} invalid");
            return bad == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }
}
