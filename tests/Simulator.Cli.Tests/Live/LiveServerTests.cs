using System.CommandLine;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Simulator.Cli.Live;
using Spectre.Console.Testing;

namespace Simulator.Cli.Tests.Live;

public sealed class LiveServerTests
{
    [Fact]
    public void Should_ListenOnLoopbackOnly_When_LiveIsGivenWithoutABindAddress()
    {
        // Given the live options of a command
        var options = new LiveOptions();
        var command = new Command("run");
        options.AddTo(command);

        // When --live comes alone, with a port, or not at all
        Assert.True(options.TryRead(command.Parse("--live"), TextWriter.Null, out var plain));
        Assert.True(options.TryRead(command.Parse("--live 0"), TextWriter.Null, out var any));
        Assert.True(options.TryRead(command.Parse(""), TextWriter.Null, out var none));

        // Then it is loopback on the default port, loopback on any port, and nothing
        Assert.Equal(new LiveRequest(IPAddress.Loopback, LiveOptions.DefaultPort), plain);
        Assert.Equal(new LiveRequest(IPAddress.Loopback, 0), any);
        Assert.Null(none);
        // And another interface only when asked for by name, with a warning; bad input is refused
        using var warning = new StringWriter();
        Assert.True(options.TryRead(command.Parse("--live 0 --live-bind 0.0.0.0"), warning, out var wide));
        Assert.Equal(IPAddress.Any, wide!.Address);
        Assert.Contains("warning", warning.ToString(), StringComparison.Ordinal);
        Assert.False(options.TryRead(command.Parse("--live-bind 127.0.0.1"), TextWriter.Null, out _));
        Assert.False(options.TryRead(command.Parse("--live 70000"), TextWriter.Null, out _));
        Assert.False(options.TryRead(command.Parse("--live 0 --live-bind nowhere"), TextWriter.Null, out _));
    }

    [Fact]
    public async Task Should_ServeOnlyItsRoutesOnLoopback_When_Started()
    {
        // Given a live view of a board on loopback, any free port
        var board = new LiveBoard("run", "routes", [("routes", 1)]);
        var stops = 0;
        await using var server = await LiveServer.StartAsync(board, IPAddress.Loopback, 0, () => Interlocked.Increment(ref stops));
        using var http = new HttpClient { BaseAddress = server.Address };

        // Then it answers on 127.0.0.1 and nowhere else on this machine
        Assert.Equal("127.0.0.1", server.Address.Host);
        foreach (var other in OtherAddresses())
        {
            using var probe = new TcpClient(other.AddressFamily);
            await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(other, server.Address.Port));
        }

        // And its page and state are served; any other path, a path that climbs, and the report before there is one are not
        Assert.Contains("<svg id=\"chart-minutes\"", await http.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("\"scenario\":\"routes\"", await http.GetStringAsync("/state"), StringComparison.Ordinal);
        foreach (var path in new[] { "/index.html", "/live.html", "/..%2f..%2fetc%2fpasswd", "/report", "/state/x", "/favicon.ico" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path)).StatusCode);
        }

        // And stop needs a POST with the page's header (another origin's form cannot send it)
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.GetAsync("/stop")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/stop", null)).StatusCode);
        Assert.Equal(0, stops);
        using var stop = new HttpRequestMessage(HttpMethod.Post, "/stop");
        stop.Headers.Add(LiveServer.StopHeader, "1");
        Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(stop)).StatusCode);
        Assert.Equal(1, stops);
        Assert.Equal("stopping", board.Snapshot().Status);
    }

    [Fact]
    public async Task Should_StreamSnapshotsAndEnd_When_TheBoardMovesAndFinishes()
    {
        // Given a live view whose page is connected to the event stream
        var board = new LiveBoard("run", "events", [("events", 1)]);
        await using var server = await LiveServer.StartAsync(board, IPAddress.Loopback, 0, () => { });
        using var http = new HttpClient { BaseAddress = server.Address };
        using var stream = new StreamReader(await http.GetStreamAsync("/events"));
        var first = await stream.ReadLineAsync();

        // When the board moves, then finishes
        board.Progress(0, new Runs.RunProgress(0, 1, 10, 100, 0, 3, 500, 2, 0));
        board.Finish("complete", null, "done");
        var lines = new List<string> { first! };
        while (await stream.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        // Then the stream carried the snapshots as data lines and closed after the final one
        var data = lines.Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).ToList();
        Assert.True(data.Count >= 2, string.Join('\n', lines));
        Assert.Contains("\"status\":\"running\"", data[0], StringComparison.Ordinal);
        Assert.Contains("\"status\":\"complete\"", data[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ShowEveryArmsHeadlineNumbers_When_ThePanelIsDrawn()
    {
        // Given a board with a compare's two arms part-way through
        var board = new LiveBoard("compare", "panel", [("baseline", 1), ("variant", 1)]);
        board.Progress(0, new Runs.RunProgress(0, 1, 50, 100, 1, 2, 10_000, 7, 0));
        board.Progress(1, new Runs.RunProgress(0, 1, 25, 100, 0, 2, 5_000, 3, 0));
        board.Day(0, 0, new World.Simulation.DailyTotals { Day = 0, Dau = 100, Mau = 120, WatchMs = 100 * 40 * 60_000L, SessionsStarted = 300 });
        board.Day(1, 0, new World.Simulation.DailyTotals { Day = 0, Dau = 100, Mau = 120, WatchMs = 100 * 30 * 60_000L, SessionsStarted = 280 });

        // When the terminal panel draws it
        var console = new TestConsole().Width(160);
        console.Write(TerminalPanel.Render(board.Snapshot()));

        // Then it shows each arm's day, minutes per DAU and DAU, and the variant's difference
        var text = console.Output;
        Assert.Contains("baseline", text, StringComparison.Ordinal);
        Assert.Contains("day 2/2", text, StringComparison.Ordinal);
        Assert.Contains("40.0", text, StringComparison.Ordinal);
        Assert.Contains("30.0", text, StringComparison.Ordinal);
        Assert.Contains("-25.0", text, StringComparison.Ordinal);
        Assert.Contains("min/DAU", text, StringComparison.Ordinal);
    }

    private static IEnumerable<IPAddress> OtherAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .Where(a => !IPAddress.IsLoopback(a) && a.AddressFamily == AddressFamily.InterNetwork);
}
