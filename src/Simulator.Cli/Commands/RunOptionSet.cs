using System.CommandLine;
using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>The options every simulating command shares (run, compare, sweep).</summary>
internal sealed class RunOptionSet
{
    public Option<string> Output { get; } = new("--out") { Description = "Results root.", DefaultValueFactory = _ => "results" };

    public Option<ulong?> Seed { get; } = new("--seed") { Description = "Override the scenario's seed." };

    public Option<int?> Replications { get; } = new("--replications") { Description = "Override the scenario's number of replications." };

    public Option<int> Threads { get; } = new("--threads") { Description = "Worker threads (results are identical for any value).", DefaultValueFactory = _ => Environment.ProcessorCount };

    public Option<double> Scale { get; } = new("--scale") { Description = "Multiply the population size (e.g. 0.1 for a quick look).", DefaultValueFactory = _ => 1.0 };

    public Option<bool> Quiet { get; } = new("--quiet") { Description = "No progress output." };

    /// <summary>The live view's options (--live, --live-bind).</summary>
    public Live.LiveOptions LiveView { get; } = new();

    private Live.LiveRequest? _live;

    /// <summary>For studies (compare, sweep): every arm warms up on its own instead of forking from the baseline's burn-in.</summary>
    public static Option<bool> OwnWarmups() => new("--own-warmups")
    {
        Description = "Give every arm its own warm-up instead of starting the arms that may (recommender and policy changes) from one burn-in of the baseline per replication (README: Snapshots).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Output);
        command.Options.Add(Seed);
        command.Options.Add(Replications);
        command.Options.Add(Threads);
        command.Options.Add(Scale);
        command.Options.Add(Quiet);
        LiveView.AddTo(command);
    }

    /// <summary>The run options, or null after printing why the arguments are out of range.</summary>
    public RunOptions? Read(ParseResult parse, TextWriter stderr)
    {
        var t = parse.GetValue(Threads);
        var s = parse.GetValue(Scale);
        var r = parse.GetValue(Replications);
        if (t < 1 || t > 1024 || s <= 0 || s > 1000 || r is < 1 or > 1000)
        {
            stderr.WriteLine("error: --threads must be 1–1024, --scale in (0, 1000], --replications 1–1000.");
            return null;
        }

        if (!LiveView.TryRead(parse, stderr, out _live))
        {
            return null;
        }

        return new RunOptions { Threads = t, Scale = s, Replications = r, Seed = parse.GetValue(Seed), Build = CheckpointArea.Build };
    }

    /// <summary>Reads the options and loads the scenario; null after printing why either is invalid.</summary>
    public (RunOptions Options, Scenarios.Loading.ScenarioDocument Document)? Load(ParseResult parse, Argument<string> file, TextWriter stderr, bool verifyModels = true)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var options = Read(parse, stderr);
        var document = options is null ? null : ScenarioInput.TryLoad(parse.GetValue(file)!, stderr, verifyModels);
        return document is null || !ScenarioInput.Fits(document, options!, stderr) ? null : (options!, document);
    }

    /// <summary>A run request for <paramref name="document"/> with these options.</summary>
    public Hosting.RunRequest Request(ParseResult parse, RunOptions options, Scenarios.Loading.ScenarioDocument document) => new()
    {
        Document = document,
        Options = options,
        OutputRoot = parse.GetValue(Output)!,
        CommandLine = CommandLine(),
        Quiet = parse.GetValue(Quiet),
        Command = parse.CommandResult.Command.Name,
        Live = _live,
    };

    public static string CommandLine() => "simulator " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
}
