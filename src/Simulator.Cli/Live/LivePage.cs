namespace Simulator.Cli.Live;

/// <summary>The live view's one page (HTML, CSS and script in one embedded resource: no CDN, works offline).</summary>
internal static class LivePage
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(LivePage).Assembly.GetManifestResourceStream("Simulator.Cli.Live.live.html")
            ?? throw new InvalidOperationException("the live page is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Html => Page.Value;
}
