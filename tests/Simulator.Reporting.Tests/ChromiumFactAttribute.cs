using Microsoft.Playwright;

namespace Simulator.Reporting.Tests;

/// <summary>
/// A fact that needs Debian's Chromium at /usr/bin/chromium. Without it the test is skipped
/// with the install command, unless REQUIRE_CHROMIUM=1 (set by .ci/run, which installs it),
/// in which case it runs and fails.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable) && Environment.GetEnvironmentVariable("REQUIRE_CHROMIUM") != "1")
        {
            Skip = "needs Chromium: apt-get install -y chromium (CI installs it and sets REQUIRE_CHROMIUM=1)";
        }
    }

    /// <summary>Debian's Chromium, headless and offline, as every browser test launches it.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }
}
