using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Simulator.Cli.Hosting;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator run &lt;file&gt;</c>: runs a scenario and writes its results.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file." };
        var options = new RunOptionSet();
        var logImpressions = new Option<bool>("--log-impressions") { Description = "Also write every impression of the reported days to <out>/<scenario>/impressions.parquet (large: keep it out of git)." };
        var checkpointEvery = new Option<int?>("--checkpoint-every")
        {
            Description = "Keep the latest snapshot of each replication in <out>/.checkpoints/<scenario>/, written every DAYS simulated days (0: only when stopped), on Ctrl+C and as each replication ends; `simulator resume` continues from them to the same bytes.",
            HelpName = "DAYS",
        };
        var from = new Option<string?>("--from")
        {
            Description = "Branch: start from another world instead of the beginning — a parent scenario file (simulated up to the branch) or the checkpoints of a run of one (<out>/.checkpoints/<scenario>); this file's configuration takes over there (README: Snapshots).",
            HelpName = "SOURCE",
        };
        var atDay = new Option<int?>("--at-day")
        {
            Description = "With --from: the reported day at whose start this file's configuration takes over (default: the end of the warm-up, or the checkpoints' own tick).",
            HelpName = "D",
        };
        var keep = new Option<bool>("--keep-checkpoints")
        {
            Description = "With --checkpoint-every: also keep each day's checkpoint (rep-N.day-D.snapshot) and the working area after the run, to branch from later (run --from DIR --at-day D). Large: keep it out of git.",
        };
        var command = new Command("run", "Run a scenario and write results/<scenario>/ (summary.json, daily.csv, segments.csv, recommender.csv, manifest.json, report.html, plots/).")
        {
            file, logImpressions, checkpointEvery, keep, from, atDay,
        };
        options.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            if (options.Load(parse, file, stderr) is not var (runOptions, document))
            {
                return ExitCodes.InvalidInput;
            }

            var outRoot = parse.GetValue(options.Output)!;
            if (parse.GetValue(from) is { } source)
            {
                runOptions = runOptions with { Branch = new Runs.BranchRequest(Path.GetFullPath(source), parse.GetValue(atDay)) };
                if (Runs.Branches.Refusal(document.Scenario, runOptions, runOptions.Build) is { } refusal)
                {
                    stderr.WriteLine("error: " + refusal);
                    return ExitCodes.InvalidInput;
                }
            }
            else if (parse.GetValue(atDay) is not null)
            {
                stderr.WriteLine("error: --at-day needs --from (the world to branch from).");
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(keep) && parse.GetValue(checkpointEvery) is null)
            {
                stderr.WriteLine("error: --keep-checkpoints needs --checkpoint-every (which checkpoints to keep).");
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(checkpointEvery) is { } every)
            {
                if (every is < 0 or > 10_000 || parse.GetValue(logImpressions))
                {
                    stderr.WriteLine(every < 0 || every > 10_000
                        ? "error: --checkpoint-every must be 0–10000 simulated days."
                        : "error: --checkpoint-every cannot be combined with --log-impressions (the impression log is one stream that a resumed run cannot continue).");
                    return ExitCodes.InvalidInput;
                }

                if (document.Scenario.Recommender.Policy == Recommender.FeedPolicyKind.Plugin)
                {
                    stderr.WriteLine("error: --checkpoint-every cannot snapshot a plug-in feed policy (its own state lives outside the simulator, so a resumed run could not give the same bytes).");
                    return ExitCodes.InvalidInput;
                }

                var resumeArgs = ResumeArgs(parse, options, file, every, runOptions.Branch);
                if (parse.GetValue(keep))
                {
                    resumeArgs.Add("--keep-checkpoints");
                }

                var plan = CheckpointArea.Prepare(outRoot, document, runOptions, every, resumeArgs);
                runOptions = runOptions with { Checkpoints = plan with { KeepDays = parse.GetValue(keep) } };
            }

            if (parse.GetValue(logImpressions))
            {
                Directory.CreateDirectory(outRoot);
                runOptions = runOptions with { ImpressionLogPath = Path.Combine(outRoot, $".impressions-{document.Scenario.Name}-{Environment.ProcessId}.parquet") };
            }

            var outcome = await RunHostedAsync(options.Request(parse, runOptions, document), token, stderr).ConfigureAwait(false);
            if (outcome is { ResultFolder: { } folder, Result: { } result })
            {
                Summary.Print(stdout, result, folder);
            }

            return outcome.ExitCode;
        });
        return command;
    }

    // The run again, with absolute paths and every option spelled out, for `simulator resume`.
    private static List<string> ResumeArgs(ParseResult parse, RunOptionSet options, Argument<string> file, int every, Runs.BranchRequest? branch)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var args = new List<string>
        {
            "run", Path.GetFullPath(parse.GetValue(file)!), "--out", Path.GetFullPath(parse.GetValue(options.Output)!),
            "--scale", parse.GetValue(options.Scale).ToString("R", inv), "--threads", parse.GetValue(options.Threads).ToString(inv),
            "--checkpoint-every", every.ToString(inv),
        };
        if (parse.GetValue(options.Replications) is { } replications)
        {
            args.AddRange(["--replications", replications.ToString(inv)]);
        }

        if (parse.GetValue(options.Seed) is { } seed)
        {
            args.AddRange(["--seed", seed.ToString(inv)]);
        }

        if (branch is not null)
        {
            args.AddRange(["--from", branch.Source]);
            if (branch.AtDay is { } day)
            {
                args.AddRange(["--at-day", day.ToString(inv)]);
            }
        }

        return args;
    }

    /// <summary>
    /// Runs <paramref name="request"/> in the generic host (console lifetime: Ctrl+C stops at a tick
    /// boundary) and returns what it came to; with --live, serves the live view around it (its stop
    /// button cancels the host as Ctrl+C does).
    /// </summary>
    internal static async Task<RunOutcome> RunHostedAsync(RunRequest request, CancellationToken token, TextWriter? stderr = null)
    {
        var err = stderr ?? System.Console.Error;
        var board = Live.LiveRun.Board(request);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        await using var server = await Live.LiveRun.ServeAsync(board, request.Live, stop, err).ConfigureAwait(false);
        if (request.Live is not null && server is null)
        {
            return RunOutcome.Failed;
        }

        var outcome = RunOutcome.Failed;
        try
        {
            outcome = await HostAsync(request, board, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            Live.LiveRun.Finish(board, outcome);
        }

        if (outcome.Error is { } error)
        {
            await err.WriteLineAsync("error: " + error).ConfigureAwait(false);
        }

        if (outcome.Hint is { } hint)
        {
            await err.WriteLineAsync(hint).ConfigureAwait(false);
        }

        return outcome;
    }

    private static async Task<RunOutcome> HostAsync(RunRequest request, Live.LiveBoard board, CancellationToken token)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.FormatterName = Console.PlainLogFormatter.FormatterName)
            .AddConsoleFormatter<Console.PlainLogFormatter, ConsoleFormatterOptions>();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(10));
        builder.Services.AddSingleton(request);
        builder.Services.AddSingleton(board);
        builder.Services.AddSingleton<SimulationHostedService>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SimulationHostedService>());
        using var host = builder.Build();
        var simulation = host.Services.GetRequiredService<SimulationHostedService>();
        await host.RunAsync(token).ConfigureAwait(false);
        // The host stops only after the service has completed its outcome (or never started it).
        return simulation.Outcome.IsCompleted ? await simulation.Outcome.ConfigureAwait(false) : RunOutcome.Failed;
    }
}
