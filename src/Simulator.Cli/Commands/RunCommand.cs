using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Simulator.Cli.Hosting;
using Simulator.Reporting.Running;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator run &lt;file&gt;</c>: runs a scenario and writes its results.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file." };
        var output = new Option<string>("--out") { Description = "Results root; the run writes <out>/<scenario>/.", DefaultValueFactory = _ => "results" };
        var seed = new Option<ulong?>("--seed") { Description = "Override the scenario's seed." };
        var replications = new Option<int?>("--replications") { Description = "Override the scenario's number of replications." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (results are identical for any value).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var scale = new Option<double>("--scale") { Description = "Multiply the population size (e.g. 0.1 for a quick look).", DefaultValueFactory = _ => 1.0 };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output." };
        var command = new Command("run", "Run a scenario and write results/<scenario>/ (summary.json, daily.csv, segments.csv, recommender.csv, manifest.json).")
        {
            file, output, seed, replications, threads, scale, quiet,
        };

        command.SetAction(async (parse, token) =>
        {
            var path = parse.GetValue(file)!;
            var t = parse.GetValue(threads);
            var s = parse.GetValue(scale);
            var r = parse.GetValue(replications);
            if (t < 1 || t > 1024 || s <= 0 || s > 1000 || r is < 1 or > 1000)
            {
                await stderr.WriteLineAsync("error: --threads must be 1–1024, --scale in (0, 1000], --replications 1–1000.").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var document = ScenarioInput.TryLoad(path, stderr);
            if (document is null)
            {
                return ExitCodes.InvalidInput;
            }

            var request = new RunRequest
            {
                Document = document,
                Options = new RunOptions { Threads = t, Scale = s, Replications = r, Seed = parse.GetValue(seed) },
                OutputRoot = parse.GetValue(output)!,
                CommandLine = "simulator " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                Quiet = parse.GetValue(quiet),
            };
            await RunHostedAsync(request, token).ConfigureAwait(false);
            if (request.ResultFolder is not null && request.Result is not null)
            {
                Summary.Print(stdout, request.Result, request.ResultFolder);
            }

            return request.ExitCode;
        });
        return command;
    }

    internal static async Task RunHostedAsync(RunRequest request, CancellationToken token)
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
        builder.Services.AddHostedService<SimulationHostedService>();
        using var host = builder.Build();
        await host.RunAsync(token).ConfigureAwait(false);
    }
}
