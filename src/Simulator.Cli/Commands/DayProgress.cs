using Simulator.Runs;

namespace Simulator.Cli.Commands;

/// <summary>One plain line per simulated day, for the export commands (their runs have no results folder to watch).</summary>
internal sealed class DayProgress(TextWriter stderr) : IRunProgress
{
    private (int Replication, int Day) _last = (-1, int.MinValue);

    public void Report(in RunProgress progress)
    {
        if ((progress.Replication, progress.Day) == _last)
        {
            return;
        }

        _last = (progress.Replication, progress.Day);
        stderr.WriteLine($"replication {progress.Replication + 1}/{progress.Replications}, day {progress.Day}/{progress.Days}, {progress.Impressions:N0} impressions");
    }
}
