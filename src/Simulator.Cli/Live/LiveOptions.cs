using System.CommandLine;
using System.Net;

namespace Simulator.Cli.Live;

/// <summary>Where the live view listens: loopback unless <c>--live-bind</c> says otherwise.</summary>
internal sealed record LiveRequest(IPAddress Address, int Port);

/// <summary><c>--live [PORT]</c> and <c>--live-bind ADDRESS</c>, shared by run, compare, sweep and calibrate.</summary>
internal sealed class LiveOptions
{
    /// <summary>The port when <c>--live</c> names none.</summary>
    public const int DefaultPort = 5170;

    public Option<int?> Live { get; } = new("--live")
    {
        Description = $"Serve a read-only live view of the run on http://127.0.0.1:PORT/ (default {DefaultPort}; 0: any free port): progress, daily curves with replication bands, running differences, settle status, a stop button (README: Live view).",
        HelpName = "PORT",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> LiveBind { get; } = new("--live-bind")
    {
        Description = "With --live: listen on this address instead of 127.0.0.1 (e.g. 0.0.0.0). The page has no authentication: anyone who can reach it can stop the run.",
        HelpName = "ADDRESS",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Live);
        command.Options.Add(LiveBind);
    }

    /// <summary>The live view asked for, null for none; false after printing why the options are invalid.</summary>
    public bool TryRead(ParseResult parse, TextWriter stderr, out LiveRequest? request)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(stderr);
        request = null;
        var bind = parse.GetValue(LiveBind);
        if (parse.GetResult(Live) is null)
        {
            if (bind is null)
            {
                return true;
            }

            stderr.WriteLine("error: --live-bind needs --live (the view to serve).");
            return false;
        }

        var port = parse.GetValue(Live) ?? DefaultPort;
        if (port is < 0 or > 65_535)
        {
            stderr.WriteLine("error: --live PORT must be 0–65535 (0: any free port).");
            return false;
        }

        var address = IPAddress.Loopback;
        if (bind is not null && !IPAddress.TryParse(bind, out address!))
        {
            stderr.WriteLine($"error: --live-bind '{bind}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0, ::1).");
            return false;
        }

        if (!IPAddress.IsLoopback(address))
        {
            stderr.WriteLine($"warning: the live view listens on {address}, beyond this machine; it has no authentication, and anyone who reaches it can stop the run.");
        }

        request = new LiveRequest(address, port);
        return true;
    }
}
