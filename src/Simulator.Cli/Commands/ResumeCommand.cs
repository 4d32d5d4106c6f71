using System.CommandLine;
using System.Globalization;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator resume DIR</c>: continues an interrupted <c>run --checkpoint-every</c> from its snapshots, to the bytes an uninterrupted run writes.</summary>
internal static class ResumeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var directory = new Argument<string>("dir") { Description = "The interrupted run's working area (<out>/.checkpoints/<scenario>) or its results folder (<out>/<scenario>)." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads for the rest of the run (results are identical for any value; default: the interrupted run's)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output." };
        var command = new Command("resume", "Continue an interrupted `simulator run ... --checkpoint-every` from its latest snapshots; finished replications are not run again.")
        {
            directory, threads, quiet,
        };
        command.SetAction(async (parse, token) =>
        {
            if (CheckpointArea.ReadResume(parse.GetValue(directory)!, stderr) is not { } args)
            {
                return ExitCodes.InvalidInput;
            }

            var again = args.ToList();
            if (parse.GetValue(threads) is { } t)
            {
                var at = again.IndexOf("--threads");
                again[at + 1] = t.ToString(CultureInfo.InvariantCulture);
            }

            if (parse.GetValue(quiet))
            {
                again.Add("--quiet");
            }

            return await CliApp.RunAsync([.. again], stdout, stderr, token).ConfigureAwait(false);
        });
        return command;
    }
}
