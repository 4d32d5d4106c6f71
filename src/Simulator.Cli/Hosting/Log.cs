using Microsoft.Extensions.Logging;

namespace Simulator.Cli.Hosting;

/// <summary>Source-generated log messages of the command line.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Label} · {Percent:P0} done")]
    public static partial void Progress(ILogger logger, string label, double percent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run interrupted at a tick boundary; partial results marked 'interrupted' in {Folder}")]
    public static partial void Interrupted(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interrupted before every arm finished; nothing written (arms cannot be paired)")]
    public static partial void InterruptedNothingWritten(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The run failed: {Reason}")]
    public static partial void RunFailed(ILogger logger, string reason, Exception? exception);
}
