using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Simulator.Cli.Live;

/// <summary>
/// The live view: a read-only page served by Kestrel from the CLI process. Routes: <c>/</c> (the
/// page, an embedded resource), <c>/state</c> (the board's snapshot as JSON), <c>/events</c>
/// (server-sent events: a snapshot whenever the board moved, at most every
/// <see cref="PushInterval"/>), <c>POST /stop</c> (what Ctrl+C does) and <c>/report</c> (the
/// finished run's report.html, from the path the run wrote, never from the request). Anything else
/// is 404; no path from a request reaches the disk.
/// </summary>
internal sealed class LiveServer : IAsyncDisposable
{
    /// <summary>How often a connected page may get a new snapshot: a simulated day takes longer at any size that matters.</summary>
    public static readonly TimeSpan PushInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Header the stop request must carry: a page of another origin cannot send it without a CORS preflight, which this server never grants.</summary>
    public const string StopHeader = "X-Simulator-Stop";

    // After the end, the longest wait for connected pages to take the final snapshot and the report.
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly WebApplication _app;
    private readonly LiveBoard _board;
    private readonly CancellationTokenSource _closing = new();
    private int _watching;
    private int _toldTheEnd;
    private int _reportsServed;

    private LiveServer(WebApplication app, LiveBoard board)
    {
        _app = app;
        _board = board;
    }

    /// <summary>The page's address, e.g. http://127.0.0.1:5170/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Starts serving <paramref name="board"/> on <paramref name="address"/>:<paramref name="port"/> (0: any free port).</summary>
    /// <param name="board">What the page shows.</param>
    /// <param name="address">The interface to listen on (loopback unless --live-bind).</param>
    /// <param name="port">The TCP port; 0 for any free one.</param>
    /// <param name="stop">What the page's stop button does: the same as Ctrl+C.</param>
    public static async Task<LiveServer> StartAsync(LiveBoard board, IPAddress address, int port, Action stop)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(address, port));
        builder.Services.AddRoutingCore();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LiveServer(app, board);
        server.Map(stop);
        await app.StartAsync().ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Stops serving once every page that watched the end has taken the report (at most <see cref="Linger"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_board.Finished)
        {
            var deadline = DateTime.UtcNow + Linger;
            while (DateTime.UtcNow < deadline && (Volatile.Read(ref _watching) > 0 || (_board.ReportPath is not null && Volatile.Read(ref _reportsServed) < Volatile.Read(ref _toldTheEnd))))
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(grace.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _closing.Dispose();
    }

    private void Map(Action stop)
    {
        _app.MapGet("/", () => Results.Text(LivePage.Html, "text/html; charset=utf-8"));
        _app.MapGet("/state", () => Results.Text(JsonSerializer.Serialize(_board.Snapshot(), Json), "application/json"));
        _app.MapGet("/events", Events);
        _app.MapPost("/stop", (HttpRequest request) =>
        {
            if (!request.Headers.ContainsKey(StopHeader))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            _board.Stopping();
            stop();
            return Results.Accepted();
        });
        _app.MapGet("/report", () =>
        {
            if (_board.ReportPath is not { } path || !File.Exists(path))
            {
                return Results.NotFound();
            }

            Interlocked.Increment(ref _reportsServed);
            return Results.File(path, "text/html; charset=utf-8");
        });
    }

    // Server-sent events: one "data:" line of the snapshot's JSON per change; the stream ends after the final one.
    private async Task Events(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _closing.Token);
        var token = both.Token;
        Interlocked.Increment(ref _watching);
        try
        {
            var sent = -1L;
            while (!token.IsCancellationRequested)
            {
                var snapshot = _board.Snapshot();
                if (snapshot.Version != sent)
                {
                    sent = snapshot.Version;
                    await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(snapshot, Json) + "\n\n", token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(token).ConfigureAwait(false);
                    if (snapshot.Status is not ("running" or "stopping"))
                    {
                        Interlocked.Increment(ref _toldTheEnd);
                        return;
                    }
                }

                await Task.Delay(PushInterval, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away or the server is closing.
        }
        finally
        {
            Interlocked.Decrement(ref _watching);
        }
    }
}
