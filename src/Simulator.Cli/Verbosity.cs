namespace Simulator.Cli;

/// <summary><c>--verbose</c>: failures print their stack trace too (for a bug report); without it a user sees one line.</summary>
internal static class Verbosity
{
    public const string Flag = "--verbose";

    public static bool Verbose { get; set; }
}
