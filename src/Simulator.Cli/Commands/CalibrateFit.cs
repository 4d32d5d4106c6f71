using System.Globalization;
using Simulator.Reporting.Calibration;
using Simulator.Runs.Fitting;
using Simulator.Scenarios.Calibration;
using Simulator.Scenarios.Loading;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator calibrate --fit</c>: fits <see cref="FitParameterSet"/> to CALIBRATION.md §1 on
/// the scenario at a small scale, then writes the profile scenarios inherit and the fit report.
/// Interrupted (Ctrl+C), it keeps its journal; the same command resumes it.
/// </summary>
internal static class CalibrateFit
{
    /// <summary>Runs the fit; with --live, behind a live view of its evaluations whose stop button interrupts it as Ctrl+C does (the journal is kept).</summary>
    public static async Task<int> RunAsync(FitRequest request, TextWriter stdout, TextWriter stderr, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Live is null)
        {
            return await FitAsync(request, null, stdout, stderr, token).ConfigureAwait(false);
        }

        var board = new Live.LiveBoard("calibrate", request.Document.Scenario.Name, []);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        await using var server = await Live.LiveRun.ServeAsync(board, request.Live, stop, stderr).ConfigureAwait(false);
        if (server is null)
        {
            return ExitCodes.RunFailure;
        }

        var code = ExitCodes.RunFailure;
        try
        {
            code = await FitAsync(request, board, stdout, stderr, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            board.Finish(
                code == ExitCodes.Success ? "complete" : stop.IsCancellationRequested ? "interrupted" : "failed",
                null,
                code == ExitCodes.Success ? $"Profile written to {request.ProfilePath}, fit report {request.ReportPath}." : $"No profile written; the evaluations done are kept in {request.JournalPath}.");
        }

        return code;
    }

    private static async Task<int> FitAsync(FitRequest request, Live.LiveBoard? board, TextWriter stdout, TextWriter stderr, CancellationToken token)
    {
        var inv = CultureInfo.InvariantCulture;
        var scenario = ScenarioLoader.WithValues(request.Document, []);
        var users = Math.Max(1, (int)Math.Round(scenario.Population.Size * request.Options.Scale));
        var replications = request.Options.Replications ?? scenario.Replications;
        var key = string.Join('|', FitParameterSet.Name, request.Document.Hash, request.Document.Profile?.Hash ?? "none",
            request.Settings.Seed.ToString(inv), request.Settings.Budget.ToString(inv), request.Settings.Batch.ToString(inv),
            request.Settings.DesignSize.ToString(inv), request.Options.Scale.ToString("R", inv), replications.ToString(inv), BuildInfo.Version);
        FitJournal journal;
        try
        {
            journal = FitJournal.Open(request.JournalPath, key);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: cannot write the fit's journal {request.JournalPath}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.RunFailure;
        }

        if (journal.Count > 0)
        {
            await stderr.WriteLineAsync($"resuming the fit: {journal.Count} evaluation(s) recorded in {request.JournalPath}.").ConfigureAwait(false);
        }

        var evaluator = new ScenarioEvaluator(request.Document, request.Options, request.Settings.Parameters);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        void Progress(FitPoint point, FitPoint best)
        {
            board?.Fit(point.Index, request.Settings.Budget, point.Loss, best.Loss, best.Index);
            stderr.WriteLine(string.Create(inv, $"fit {point.Index + 1}/{request.Settings.Budget} · loss {point.Loss:G4} · best {best.Loss:G4} (#{best.Index}) · {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMinutes:F1} min"));
        }

        FitOutcome outcome;
        try
        {
            outcome = await Task.Run(() => CalibrationFit.Run(request.Settings, evaluator, journal, key, Progress, token), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync($"fit interrupted; {journal.Count} evaluation(s) kept in {request.JournalPath}: run the same command to resume. No profile written.").ConfigureAwait(false);
            return ExitCodes.RunFailure;
        }

        var wall = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var best = outcome.Best;
        var commit = BuildInfo.BuiltFrom ?? BuildInfo.Commit(".") ?? "unknown";
        var setting = new[]
        {
            string.Create(inv, $"World: `{request.Document.Path}` at {users:N0} users ({request.Options.Scale:G3} of {scenario.Population.Size:N0}), {scenario.Duration.Days} reported days after {scenario.Duration.WarmupDays} warm-up days, {replications} replication(s) per evaluation, scenario seed {scenario.Seed} for every evaluation."),
            string.Create(inv, $"Search: parameter set `{FitParameterSet.Name}`, design seed {request.Settings.Seed}, budget {request.Settings.Budget} evaluations ({request.Settings.DesignSize} design points including the start), batches of {request.Settings.Batch}."),
            string.Create(inv, $"Built from commit {commit}; {evaluator.Impressions:N0} impressions simulated in {evaluator.SimulatedSeconds / 60:F1} min."),
        };
        var provenance = new List<KeyValuePair<string, string>>
        {
            new("command", request.Command),
            new("date", DateTime.UtcNow.ToString("yyyy-MM-dd", inv)),
            new("commit", commit),
            new("scenario", request.Document.Path),
            new("seed", scenario.Seed.ToString(inv)),
            new("design_seed", request.Settings.Seed.ToString(inv)),
            new("population", users.ToString(inv)),
            new("days", $"{scenario.Duration.Days} reported after {scenario.Duration.WarmupDays} warm-up"),
            new("replications_per_evaluation", replications.ToString(inv)),
            new("budget", request.Settings.Budget.ToString(inv)),
            new("loss", best.Loss.ToString("G4", inv)),
            new("smoothed_loss", outcome.SmoothedLoss[best.Index].ToString("G4", inv)),
            new("loss_at_start", outcome.Evaluations[0].Loss.ToString("G4", inv)),
            new("loss_definition", "weighted mean of z² over the targets, z = (simulated − band centre) / half-width; + retention-order penalty (README.md, Calibration)"),
            new("targets", "CALIBRATION.md §1: " + string.Join(", ", outcome.Targets.Select(t => t.Band.Metric))),
        };
        var values = outcome.Parameters.Select((p, i) =>
        {
            var (metric, leverage) = outcome.ConstrainedBy(i);
            return new ProfileValue(p, best.Values[i], leverage < FitReport.FreeBelow ? "" : metric);
        }).ToList();
        try
        {
            WriteAtomically(request.ProfilePath, ProfileWriter.Write(values, provenance));
            WriteAtomically(request.ReportPath, FitReport.Markdown(outcome, setting, request.Command, wall, request.ProfilePath));
            journal.Delete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: cannot write the fit's results ({ex.Message}); the journal {request.JournalPath} is kept, rerun to write them.").ConfigureAwait(false);
            return ExitCodes.RunFailure;
        }

        await stdout.WriteLineAsync(string.Create(inv, $"fit: loss {outcome.Evaluations[0].Loss:G4} → {best.Loss:G4} (smoothed {outcome.SmoothedLoss[0]:G4} → {outcome.SmoothedLoss[best.Index]:G4}) in {outcome.Evaluations.Count} evaluations, {wall / 60:F1} min")).ConfigureAwait(false);
        await stdout.WriteLineAsync($"profile: {request.ProfilePath}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"fit report: {request.ReportPath}").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Writes to a temporary file and renames it, so that a failed write leaves neither a half file nor the temporary one.</summary>
    internal static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
