using Microsoft.Playwright;
using Simulator.Reporting.Output;
using Simulator.Runs;
using Simulator.Scenarios.Loading;

namespace Simulator.Reporting.Tests;

/// <summary>Opens a real report.html in headless Chromium and checks that plots and tables render.</summary>
public sealed class ReportBrowserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sim-report-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [ChromiumFact]
    public async Task Should_RenderEveryPlotAndTable_When_ReportOpensInChromium()
    {
        // Given a run's results with its report
        var doc = ScenarioLoader.Parse("tiny.yaml", "name: tiny\nreplications: 2\nduration: { days: 3 }\npopulation: { size: 400 }\nrecommender: { policy: popularity }\n");
        var run = ScenarioRunner.Run(doc.Scenario, new RunOptions { Threads = 1 });
        var folder = ResultWriter.Write(_root, doc, run, new ManifestInfo { Version = "test", StartedUtc = "2026-01-01T00:00:00Z", Command = "test" });
        var plotFiles = Directory.GetFiles(Path.Combine(folder, "plots"), "*.png").Length;

        // When it is opened in headless Chromium, offline
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumFactAttribute.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);

        // Then every plot is decoded with a real size, laid out on screen, and the tables are filled
        var plots = await page.EvaluateAsync<int[][]>("() => [...document.querySelectorAll('img.plot')].map(i => [i.complete ? 1 : 0, i.naturalWidth, i.naturalHeight, Math.round(i.getBoundingClientRect().width)])");
        Assert.Equal(plotFiles, plots.Length);
        Assert.True(plots.Length >= 5, $"only {plots.Length} plots");
        Assert.All(plots, p =>
        {
            Assert.Equal(1, p[0]);
            Assert.True(p[1] >= 600 && p[2] >= 300, $"decoded {p[1]}×{p[2]}");
            Assert.True(p[3] >= 400, $"laid out {p[3]} px wide");
        });
        var summaryRows = await page.Locator("#summary-table tbody tr").CountAsync();
        Assert.True(summaryRows >= 10, $"{summaryRows} summary rows");
        Assert.Contains("stickiness.minutes_per_dau", await page.Locator("#summary-table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("name: tiny", await page.Locator("#scenario-text").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("\"scenario_sha256\"", await page.Locator("#manifest-text").InnerTextAsync(), StringComparison.Ordinal);
        // Self-contained: nothing but the file itself is fetched (plots are data URIs)
        Assert.All(requests, u => Assert.True(u.StartsWith("file:", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal), u));
        // Readable on a laptop: the page does not scroll sideways at 1366 px
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"horizontal overflow {overflow} px");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "simulator-report.png"), FullPage = false });
    }
}
