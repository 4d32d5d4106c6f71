using Simulator.Reporting.Calibration;

namespace Simulator.Runs.Fitting;

/// <summary>
/// The fit of <c>simulator calibrate --fit</c>: a sequential response-surface search on common
/// random numbers. It evaluates the starting point and a Latin-hypercube design over the boxes,
/// then, batch by batch, fits a local linear model of every target metric (quadratic once the points support it) around the best point so
/// far (a trust region that widens after a batch improves the best and narrows after one that does
/// not), minimises the loss those surfaces predict, and simulates the minima. One-replication
/// evaluations are noisy (D30 retention of a 2,000-user world rests on a few dozen installs), so
/// the lowest observed loss is biased towards lucky dice: the trust region's centre and the fitted
/// point are the evaluated point whose smoothed loss is lowest — the loss of its metrics as a
/// locally weighted regression over all evaluations predicts them there (a kernel
/// smoother; the "best posterior mean" rule of noisy Bayesian optimisation). The fitted point is
/// always a simulated point, never an extrapolation. Everything it does is a
/// function of its settings and the metrics it has seen, so the same seed and budget give the same
/// fit, and a fit replayed from its journal continues exactly where it stopped.
/// </summary>
public static class CalibrationFit
{
    private const double InitialTrust = 0.25;
    private const double MinTrust = 0.03;
    private const double MaxTrust = 0.5;
    private const ulong DesignStream = 1;
    private const ulong SearchStream = 1_000;
    private const ulong FillStream = 1_000_000;

    /// <param name="settings">Seed, budget, batch, parameters and starting values.</param>
    /// <param name="evaluator">Simulates points.</param>
    /// <param name="journal">Records evaluations and replays them on resume; null for none.</param>
    /// <param name="journalKey">The key the journal was opened with (used when it must be cut back).</param>
    /// <param name="evaluated">Called after each evaluation with it and the best so far.</param>
    /// <param name="cancellationToken">Stops between or inside evaluations.</param>
    public static FitOutcome Run(FitSettings settings, IFitEvaluator evaluator, FitJournal? journal = null, string journalKey = "", Action<FitPoint, FitPoint>? evaluated = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(evaluator);
        var parameters = settings.Parameters;
        var d = parameters.Count;
        if (settings.Start.Count != d || settings.Budget < 1 || settings.Batch < 1)
        {
            throw new ArgumentException("settings need one starting value per parameter, a budget and a batch of at least 1.", nameof(settings));
        }

        var design = new List<double[]> { parameters.Select((p, i) => p.ToUnit(Math.Clamp(settings.Start[i], p.Low, p.High))).ToArray() };
        design.AddRange(LatinHypercube.Design(Math.Max(0, settings.DesignSize - 1), d, settings.Seed, DesignStream));
        var units = new List<double[]>();
        var points = new List<FitPoint>();
        var trust = InitialTrust;
        var round = 0;
        while (points.Count < settings.Budget)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var take = Math.Min(settings.Batch, settings.Budget - points.Count);
            var sequential = points.Count >= design.Count;
            var batch = sequential
                ? Propose(units, points, settings.Targets, trust, take, settings.Seed, round)
                : design.Skip(points.Count).Take(take).ToList();
            var bestBefore = sequential ? Smoothed(units, points, settings.Targets).Min() : double.PositiveInfinity;
            var metrics = Evaluate(batch, points.Count, parameters, evaluator, journal, journalKey, cancellationToken);
            for (var k = 0; k < batch.Count; k++)
            {
                var values = parameters.Select((p, i) => p.FromUnit(batch[k][i])).ToArray();
                var point = new FitPoint(points.Count, values, metrics[k], CalibrationLoss.Of(metrics[k], settings.Targets));
                units.Add(batch[k]);
                points.Add(point);
                evaluated?.Invoke(point, points.MinBy(p => p.Loss)!);
            }

            if (sequential)
            {
                trust = Smoothed(units, points, settings.Targets).Min() < bestBefore ? Math.Min(MaxTrust, trust * 1.25) : Math.Max(MinTrust, trust * 0.7);
                round++;
            }
        }

        var smoothed = Smoothed(units, points, settings.Targets);
        var best = Enumerable.Range(0, points.Count).MinBy(k => smoothed[k]);
        return new FitOutcome
        {
            SmoothedLoss = smoothed,
            Parameters = parameters,
            Evaluations = points,
            BestIndex = best,
            Targets = settings.Targets,
            Sensitivity = Sensitivity(units, points, settings.Targets, units[best], Math.Max(trust, InitialTrust)),
        };
    }

    private static List<Dictionary<string, double>> Evaluate(List<double[]> batch, int first, IReadOnlyList<Scenarios.Calibration.FitParameter> parameters, IFitEvaluator evaluator, FitJournal? journal, string key, CancellationToken ct)
    {
        var result = new Dictionary<string, double>?[batch.Count];
        var missing = new List<int>();
        for (var k = 0; k < batch.Count; k++)
        {
            result[k] = journal?.Recorded(first + k, batch[k]);
            if (result[k] is null)
            {
                missing.Add(k);
            }
        }

        if (missing.Count > 0)
        {
            journal?.Truncate(first + missing[0], key);
            var values = missing.Select(k => (IReadOnlyList<double>)parameters.Select((p, i) => p.FromUnit(batch[k][i])).ToArray()).ToList();
            var simulated = evaluator.Evaluate(values, ct);
            for (var m = 0; m < missing.Count; m++)
            {
                result[missing[m]] = new Dictionary<string, double>(simulated[m], StringComparer.Ordinal);
            }
        }

        for (var k = 0; k < batch.Count; k++)
        {
            journal?.Append(first + k, batch[k], result[k]!);
        }

        return [.. result.Select(r => r!)];
    }

    private static List<double[]> Propose(List<double[]> units, List<FitPoint> points, IReadOnlyList<FitTarget> targets, double trust, int take, ulong seed, int round)
    {
        var smoothed = Smoothed(units, points, targets);
        var order = Enumerable.Range(0, points.Count).OrderBy(k => smoothed[k]).ToList();
        var centre = units[order[0]];
        var d = centre.Length;
        var low = centre.Select(c => Math.Max(0, c - trust)).ToArray();
        var high = centre.Select(c => Math.Min(1, c + trust)).ToArray();
        var predicted = Predictor(units, points, targets, centre, trust);
        var starts = new List<double[]> { centre };
        starts.AddRange(order.Skip(1).Take(3).Select(k => units[k]));
        starts.AddRange(SurrogateSearch.Starts(8, low, high, seed, SearchStream + (ulong)round));
        var minima = SurrogateSearch.Minima(predicted, starts, low, high);
        var chosen = new List<double[]>(take);
        foreach (var (u, _) in minima)
        {
            if (chosen.Count == take)
            {
                break;
            }

            var fresh = units.All(e => Chebyshev(e, u) >= 1e-3) && chosen.All(c => Chebyshev(c, u) >= trust / 4);
            if (fresh)
            {
                chosen.Add(u);
            }
        }

        for (var j = 0; chosen.Count < take; j++)
        {
            chosen.Add(SurrogateSearch.Uniform(low, high, seed, FillStream + (ulong)(round * 64 + j)));
        }

        return chosen;
    }

    // The loss at each evaluated point of the metrics the surfaces fitted around it predict there
    // (bandwidth of the initial trust region). With fewer points than a surface needs to be more
    // than a mean, the observed loss stands.
    private static double[] Smoothed(List<double[]> units, List<FitPoint> points, IReadOnlyList<FitTarget> targets)
    {
        var result = new double[points.Count];
        var enough = points.Count >= units[0].Length + 2;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < points.Count; k++)
        {
            if (!enough)
            {
                result[k] = points[k].Loss;
                continue;
            }

            foreach (var (metric, surface) in Surfaces(units, points, targets, units[k], InitialTrust))
            {
                metrics[metric] = surface?.Predict(units[k]) ?? double.NaN;
            }

            result[k] = CalibrationLoss.Of(metrics, targets);
        }

        return result;
    }

    // The loss the response surfaces predict at a point, with the regression weighted towards the
    // trust region's centre (Gaussian in Chebyshev distance, scale twice the region; a 0.02 floor
    // keeps distant points as weak global information).
    private static Func<double[], double> Predictor(List<double[]> units, List<FitPoint> points, IReadOnlyList<FitTarget> targets, double[] centre, double trust)
    {
        var surfaces = Surfaces(units, points, targets, centre, trust);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        return u =>
        {
            foreach (var (metric, surface) in surfaces)
            {
                metrics[metric] = surface?.Predict(u) ?? double.NaN;
            }

            return CalibrationLoss.Of(metrics, targets);
        };
    }

    private static List<(string Metric, ResponseSurface? Surface)> Surfaces(List<double[]> units, List<FitPoint> points, IReadOnlyList<FitTarget> targets, double[] centre, double trust)
    {
        var weights = units.Select(u =>
        {
            var r = Chebyshev(u, centre) / (2 * trust);
            return 0.02 + Math.Exp(-0.5 * r * r);
        }).ToArray();
        return [.. targets.Select(t => (t.Band.Metric, ResponseSurface.Fit(units, points.Select(p => p.Metrics.GetValueOrDefault(t.Band.Metric, double.NaN)).ToArray(), weights)))];
    }

    // Central differences on the surfaces over a tenth of each box, kept inside the box.
    private static List<IReadOnlyList<double>> Sensitivity(List<double[]> units, List<FitPoint> points, IReadOnlyList<FitTarget> targets, double[] centre, double trust)
    {
        var surfaces = Surfaces(units, points, targets, centre, trust);
        var rows = new List<IReadOnlyList<double>>();
        for (var i = 0; i < centre.Length; i++)
        {
            var up = (double[])centre.Clone();
            var down = (double[])centre.Clone();
            var lo = Math.Clamp(centre[i] - 0.05, 0, 0.9);
            down[i] = lo;
            up[i] = lo + 0.1;
            rows.Add([.. surfaces.Select(s => s.Surface is null ? double.NaN : s.Surface.Predict(up) - s.Surface.Predict(down))]);
        }

        return rows;
    }

    private static double Chebyshev(double[] a, double[] b)
    {
        var m = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            m = Math.Max(m, Math.Abs(a[i] - b[i]));
        }

        return m;
    }
}
