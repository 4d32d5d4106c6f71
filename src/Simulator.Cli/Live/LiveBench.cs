using System.Globalization;
using System.Net;
using Simulator.Runs;

namespace Simulator.Cli.Live;

/// <summary>
/// The live view as `bench --live` attaches it: a board, its server on a free loopback port, and
/// one page's worth of reading (an in-process client that reads the event stream as a browser
/// would), so that the bench times what watching a run costs the run.
/// </summary>
internal sealed class LiveBench : IAsyncDisposable
{
    private readonly LiveBoard _board;
    private readonly LiveServer _server;
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private long _events;
    private long _bytes;

    private LiveBench(LiveBoard board, LiveServer server)
    {
        _board = board;
        _server = server;
        _client = new HttpClient { BaseAddress = server.Address, Timeout = Timeout.InfiniteTimeSpan };
        _reader = Task.Run(ReadEvents);
    }

    /// <summary>Where the benched world reports.</summary>
    public IRunProgress Progress => _board.ProgressFor(0);

    public static async Task<LiveBench> StartAsync(string label)
    {
        var board = new LiveBoard("bench", "bench" + label, [("bench", 1)]);
        var server = await LiveServer.StartAsync(board, IPAddress.Loopback, 0, () => { }).ConfigureAwait(false);
        return new LiveBench(board, server);
    }

    /// <summary>One line for the bench report: how much the page was sent.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture, $"\nLive view: {Interlocked.Read(ref _events):N0} snapshots pushed to one page ({Interlocked.Read(ref _bytes) / 1024.0:N0} KiB) while timed; the board's version reached {_board.Version:N0}.\n");

    public async ValueTask DisposeAsync()
    {
        _board.Finish("complete", null, "bench done");
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _reader.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
        {
            // The stream ends with the bench.
        }

        _client.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ReadEvents()
    {
        using var stream = new StreamReader(await _client.GetStreamAsync(new Uri("events", UriKind.Relative), _stop.Token).ConfigureAwait(false));
        while (await stream.ReadLineAsync(_stop.Token).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _events);
                Interlocked.Add(ref _bytes, line.Length);
            }
        }
    }
}
