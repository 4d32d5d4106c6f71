using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Simulator.Reporting.Tests;

namespace Simulator.Cli.Tests.Live;

/// <summary>Opens the live view of a real compare in headless Chromium and watches it update to the end.</summary>
public sealed partial class LivePageBrowserTests : IDisposable
{
    // Ranked arms of 1,000 users over 8 reported days: long enough (seconds) for several pushes.
    private const string Study = """
        name: live-page
        replications: 2
        duration: { days: 8, warmup_days: 1 }
        population: { size: 1000 }
        content: { catalogue_min_users: 0 }
        recommender: { policy: ranked }
        variants:
          likes-up:
            recommender: { weights: { like: 2 } }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("sim-live-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [ChromiumFact]
    public async Task Should_UpdateTheDayAndChartsAndLinkTheReport_When_ACompareRunsWithLive()
    {
        // Given a compare started with --live on any free port
        var scenario = Path.Combine(_root, "live-page.yaml");
        await File.WriteAllTextAsync(scenario, Study);
        using var stdout = new StringWriter();
        using var stderr = new LineWriter();
        var run = Task.Run(() => CliApp.RunAsync(["compare", scenario, "--out", _root, "--live", "0", "--quiet", "--threads", "2"], stdout, stderr));
        var address = await stderr.WaitFor(AddressLine(), TimeSpan.FromSeconds(120));

        // When the page is opened in headless Chromium, offline
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumFactAttribute.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var requests = new ConcurrentBag<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(address);

        // Then the day counter and the minutes chart change at least twice before the end
        var days = new List<string>();
        var points = new List<int>();
        var deadline = DateTime.UtcNow.AddSeconds(240);
        while (DateTime.UtcNow < deadline && await page.Locator("#report-link[href^='blob:']").CountAsync() == 0)
        {
            var day = await page.Locator("#day").InnerTextAsync();
            if (days.Count == 0 || days[^1] != day)
            {
                days.Add(day);
            }

            var drawn = await page.EvaluateAsync<int>("() => Math.max(0, ...[...document.querySelectorAll('#chart-minutes polyline.series')].map(p => +p.dataset.points))");
            if (points.Count == 0 || points[^1] != drawn)
            {
                points.Add(drawn);
            }

            await Task.Delay(40);
        }

        Assert.True(days.Count >= 3, "day labels seen: " + string.Join(" | ", days));
        Assert.True(points.Count(p => p > 0) >= 2, "chart point counts seen: " + string.Join(", ", points));
        // And the end shows a link to the finished report, kept in the page
        var link = page.Locator("#report-link");
        Assert.StartsWith("blob:", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        var report = await page.EvaluateAsync<string>("async () => await (await fetch(document.getElementById('report-link').href)).text()");
        Assert.Contains("live-page", report, StringComparison.Ordinal);
        Assert.Contains("complete", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await run);
        Assert.True(File.Exists(Path.Combine(_root, "live-page-compare", "report.html")));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "simulator-live.png"), FullPage = true });
        // Nothing but the live server itself (and the page's own blob) was asked for: no CDN
        Assert.All(requests, u => Assert.True(u.StartsWith(address, StringComparison.Ordinal) || u.StartsWith("blob:", StringComparison.Ordinal), u));
    }

    [GeneratedRegex(@"live view: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex AddressLine();

    /// <summary>Stderr for the CLI that the test can wait on, line by line (the CLI writes from other threads).</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly Lock _gate = new();
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_gate)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                _text.Append(value);
            }
        }

        public async Task<string> WaitFor(Regex pattern, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                string text;
                lock (_gate)
                {
                    text = _text.ToString();
                }

                if (pattern.Match(text) is { Success: true } m)
                {
                    return m.Groups[1].Value;
                }

                await Task.Delay(50);
            }

            lock (_gate)
            {
                throw new TimeoutException("the CLI printed no live address: " + _text);
            }
        }
    }
}
