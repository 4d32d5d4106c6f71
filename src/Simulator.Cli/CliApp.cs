using System.CommandLine;
using Simulator.Cli.Commands;

namespace Simulator.Cli;

/// <summary>The <c>simulator</c> command tree.</summary>
internal static class CliApp
{
    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "Synthetic-user simulator for a short-video recommender: runs YAML scenarios tick by tick and " +
            "records stickiness, fatigue and creator-marketing outcomes.\n" + ExitCodes.HelpText)
        {
            RunCommand.Create(stdout, stderr),
            ResumeCommand.Create(stdout, stderr),
            ValidateCommand.Create(stdout, stderr),
            SchemaCommand.Create(stdout),
            ContractCommand.Create(stdout),
            ExportTrainingCommand.Create(stdout, stderr),
            ExportRankerCommand.Create(stdout, stderr),
            PersonasCommand.Create(stdout, stderr),
            CalibrateCommand.Create(stdout, stderr),
            ValidateModelCommand.Create(stdout, stderr),
            CompareCommand.Create(stdout, stderr),
            SweepCommand.Create(stdout, stderr),
            BenchCommand.Create(stdout, stderr),
        };
        root.Options.Add(new Option<bool>(Verbosity.Flag) { Description = "Print a failure's stack trace (for a bug report).", Recursive = true });
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken token = default)
    {
        Verbosity.Verbose = args.Contains(Verbosity.Flag);
        var root = Build(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("Run 'simulator --help' for usage.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        // The host's console lifetime handles Ctrl+C and stops the loop at a tick boundary;
        // System.CommandLine's own termination timeout would kill the process before results are written.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One line a user can act on; the stack trace is for bug reports (--verbose).
            var (code, line) = ex switch
            {
                Engine.Snapshots.SnapshotException => (ExitCodes.InvalidInput, ex.Message),
                IOException or UnauthorizedAccessException => (ExitCodes.RunFailure, "could not read or write: " + ex.Message),
                _ => (ExitCodes.RunFailure, $"{ex.GetType().Name}: {ex.Message} (--verbose shows where)"),
            };
            await stderr.WriteLineAsync("error: " + line).ConfigureAwait(false);
            if (Verbosity.Verbose)
            {
                await stderr.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return code;
        }
    }
}
