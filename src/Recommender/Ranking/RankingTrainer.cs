using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Recommender.Abstractions;

namespace Recommender.Ranking;

/// <summary>
/// Trains the ranking heads with ML.NET FastTree (or LightGBM, <see cref="RecommenderOptions.Learner"/>) on a deterministic subsample of the recent log:
/// seeded, single-threaded (so retraining is reproducible), scheduled by the host.
/// </summary>
internal sealed class RankingTrainer
{
    private const int MinPositives = 20;
    // Shared by both learners: the smallest leaf and the shrinkage of every boosting step.
    private const int MinLeafRows = 20;
    private const double LearningRate = 0.2;
    private readonly RecommenderOptions _options;
    private readonly int _seed;
    // This process's thread count, not state: a resumed run keeps its own.
    [NonSerialized]
    private readonly int _threads;
    private readonly Func<int>? _threadsNow;

    /// <param name="options">Tree counts and sizes.</param>
    /// <param name="seed">Seeds every fit.</param>
    /// <param name="threads">Heads fitted side by side (0: one per core); the models do not depend on it.</param>
    /// <param name="threadsNow">When given, the threads a fit may use, asked at each fit instead.</param>
    public RankingTrainer(RecommenderOptions options, ulong seed, int threads = 0, Func<int>? threadsNow = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        _options = options;
        _seed = (int)(seed & 0x7FFFFFFF);
        _threads = threads == 0 ? Environment.ProcessorCount : threads;
        _threadsNow = threadsNow;
    }

    /// <summary>Rows used for the last fit, for tests and offline evaluation.</summary>
    public List<TrainingRow> LastRows { get; } = [];

    /// <summary>
    /// Fits a new model on the log's rows logged from <paramref name="fromSecond"/> on (all it
    /// holds by default), or returns null when they are too few.
    /// <paramref name="alongside"/> (read-only work on the same state, e.g. scoring the current
    /// model on the rows it has not seen) runs side by side with the fits, once, either way.
    /// </summary>
    public RankingModel? Train(TrainingLog log, long now, long fromSecond = long.MinValue, Action? alongside = null)
    {
        var available = log.Written - log.FirstAtOrAfter(fromSecond);
        if (available < 500)
        {
            alongside?.Invoke();
            return null;
        }

        // Evenly spaced subsample of the window: every k-th row, newest included.
        var take = (int)Math.Min(available, _options.TrainingRows);
        var step = available / (double)take;
        LastRows.Clear();
        for (var i = 0; i < take; i++)
        {
            var row = log.Written - 1 - (long)(i * step);
            LastRows.Add(new TrainingRow
            {
                Features = log.FeaturesOf(row).ToArray(),
                Watch = log.Watch(row),
                Length = log.Length(row),
                Reactions = log.ReactionsOf(row),
            });
        }

        var heads = new TreeEnsembleEvaluator?[RankingModel.Heads];
        var slopes = new double[RankingModel.Heads];
        var offsets = new double[RankingModel.Heads];
        var priors = new double[RankingModel.Heads];
        TreeEnsembleEvaluator? watch = null;
        float[] quantiles = [];

        // Heads are independent fits, each seeded and single-threaded with its own MLContext, so
        // fitting them side by side gives the same models as fitting them one after another; the
        // work alongside reads what the fits read and writes nothing they read.
        var items = RankingModel.Heads + 1 + (alongside is null ? 0 : 1);
        void Fits() => Parallel.For(0, items, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _threadsNow?.Invoke() ?? _threads) }, h =>
        {
            if (h > RankingModel.Heads)
            {
                alongside!();
                return;
            }

            var ml = new MLContext(_seed);
            if (h == RankingModel.Heads)
            {
                (watch, quantiles) = FitWatch(ml);
            }
            else
            {
                FitHead(ml, h, heads, slopes, offsets, priors);
            }
        });

        // Started from a thread-pool thread: a single-threaded FastTree fit still hands pieces of
        // each tree's split search to the pool and waits for them, and a pool thread can usually
        // run such a piece itself instead of waiting for another thread to pick it up. Measured
        // (10,000 users, three steady-state days, both thread counts): the fits take about 12 %
        // less wall time than when started from the simulation's own thread. Same models.
        Task.Run(Fits).GetAwaiter().GetResult();

        return new RankingModel(heads, slopes, offsets, priors, watch, quantiles, now, LastRows.Count);
    }

    private void FitHead(MLContext ml, int h, TreeEnsembleEvaluator?[] heads, double[] slopes, double[] offsets, double[] priors)
    {
        {
            var positives = 0;
            var rows = new List<BinaryRow>(LastRows.Count);
            foreach (var r in LastRows)
            {
                var label = Label((Head)h, r);
                positives += label ? 1 : 0;
                rows.Add(new BinaryRow { Features = r.Features, Label = label });
            }

            priors[h] = (positives + 0.5) / (LastRows.Count + 1.0);
            if (positives < MinPositives || LastRows.Count - positives < MinPositives)
            {
                return;
            }

            (heads[h], slopes[h], offsets[h]) = FitCalibrated(ml, rows);
        }
    }

    public static bool Label(Head head, TrainingRow r) => head switch
    {
        Head.ValidView => r.Watch >= Math.Min(5f, 0.5f * r.Length),
        Head.Finish => (r.Reactions & Reactions.Finished) != 0,
        Head.Like => (r.Reactions & Reactions.Liked) != 0,
        Head.Comment => (r.Reactions & Reactions.Commented) != 0,
        Head.Share => (r.Reactions & Reactions.Shared) != 0,
        Head.Follow => (r.Reactions & Reactions.Followed) != 0,
        _ => (r.Reactions & Reactions.NotInterested) != 0,
    };

    /// <summary>One binary head with the configured learner: its trees and the Platt calibration of their score.</summary>
    internal (TreeEnsembleEvaluator Trees, double Slope, double Offset) FitCalibrated(MLContext ml, List<BinaryRow> rows)
    {
        if (_options.Learner == TreeLearner.LightGbm)
        {
            var light = FitBinaryLightGbm(ml, rows).Model;
            return (TreeEnsembleEvaluator.From(light.SubModel.TrainedTreeEnsemble), light.Calibrator.Slope, light.Calibrator.Offset);
        }

        var fast = FitBinary(ml, rows).Model;
        return (TreeEnsembleEvaluator.From(fast.SubModel.TrainedTreeEnsemble), fast.Calibrator.Slope, fast.Calibrator.Offset);
    }

    internal BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> FitBinaryLightGbm(MLContext ml, List<BinaryRow> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows, SchemaFor<BinaryRow>());
        return ml.BinaryClassification.Trainers.LightGbm(ConfigureLightGbm(new LightGbmBinaryTrainer.Options())).Fit(data);
    }

    internal BinaryPredictionTransformer<CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator>> FitBinary(MLContext ml, List<BinaryRow> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows, SchemaFor<BinaryRow>());
        var trainer = FastTreeCollections.WithoutForcedCollections(ml.BinaryClassification.Trainers.FastTree(Configure(new FastTreeBinaryTrainer.Options())));
        return trainer.Fit(data);
    }

    // D2Q: the label is the quantile of watch time within the video's duration bucket, which
    // removes the bias towards long videos that raw watch time has (arXiv 2206.06003).
    private (TreeEnsembleEvaluator?, float[]) FitWatch(MLContext ml)
    {
        var buckets = RankingModel.Buckets;
        var byBucket = new List<float>[buckets];
        for (var b = 0; b < buckets; b++)
        {
            byBucket[b] = [];
        }

        foreach (var r in LastRows)
        {
            byBucket[RankingModel.BucketOf(r.Length)].Add(r.Watch);
        }

        var quantiles = new float[buckets * RankingModel.QuantilePoints];
        for (var b = 0; b < buckets; b++)
        {
            var sorted = byBucket[b];
            sorted.Sort();
            for (var q = 0; q < RankingModel.QuantilePoints; q++)
            {
                quantiles[b * RankingModel.QuantilePoints + q] = sorted.Count == 0 ? 0f : sorted[(int)Math.Round(q / (RankingModel.QuantilePoints - 1.0) * (sorted.Count - 1))];
            }
        }

        var rows = new List<RegressionRow>(LastRows.Count);
        foreach (var r in LastRows)
        {
            var sorted = byBucket[RankingModel.BucketOf(r.Length)];
            var rank = UpperBound(sorted, r.Watch);
            rows.Add(new RegressionRow { Features = r.Features, Label = sorted.Count <= 1 ? 0.5f : (rank - 0.5f) / sorted.Count });
        }

        var data = ml.Data.LoadFromEnumerable(rows, SchemaFor<RegressionRow>());
        if (_options.Learner == TreeLearner.LightGbm)
        {
            var light = ml.Regression.Trainers.LightGbm(ConfigureLightGbm(new LightGbmRegressionTrainer.Options())).Fit(data);
            return (TreeEnsembleEvaluator.From(light.Model.TrainedTreeEnsemble), quantiles);
        }

        var trainer = FastTreeCollections.WithoutForcedCollections(ml.Regression.Trainers.FastTree(Configure(new FastTreeRegressionTrainer.Options())));
        var model = trainer.Fit(data);
        return (TreeEnsembleEvaluator.From(model.Model.TrainedTreeEnsemble), quantiles);
    }

    // The same tree budget as FastTree's; one native thread and a fixed seed, so a fit is
    // reproducible (LightGBM draws nothing at these settings: no bagging, no feature sampling).
    private LightGbmBinaryTrainer.Options ConfigureLightGbm(LightGbmBinaryTrainer.Options o)
    {
        (o.NumberOfIterations, o.NumberOfLeaves, o.MinimumExampleCountPerLeaf, o.LearningRate) = (_options.Trees, _options.Leaves, MinLeafRows, LearningRate);
        (o.NumberOfThreads, o.Seed, o.Deterministic, o.Silent, o.Verbose) = (1, _seed, true, true, false);
        (o.FeatureColumnName, o.LabelColumnName) = ("Features", "Label");
        return o;
    }

    private LightGbmRegressionTrainer.Options ConfigureLightGbm(LightGbmRegressionTrainer.Options o)
    {
        (o.NumberOfIterations, o.NumberOfLeaves, o.MinimumExampleCountPerLeaf, o.LearningRate) = (_options.Trees, _options.Leaves, MinLeafRows, LearningRate);
        (o.NumberOfThreads, o.Seed, o.Deterministic, o.Silent, o.Verbose) = (1, _seed, true, true, false);
        (o.FeatureColumnName, o.LabelColumnName) = ("Features", "Label");
        return o;
    }

    // Shared by every head: seeded and single-threaded, so a fit is reproducible.
    private T Configure<T>(T o)
        where T : BoostedTreeOptions
    {
        o.NumberOfTrees = _options.Trees;
        o.NumberOfLeaves = _options.Leaves;
        o.MinimumExampleCountPerLeaf = MinLeafRows;
        o.LearningRate = LearningRate;
        o.NumberOfThreads = 1;
        o.Seed = _seed;
        o.FeatureColumnName = "Features";
        o.LabelColumnName = "Label";
        return o;
    }

    private static int UpperBound(List<float> sorted, float value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= value) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    private static SchemaDefinition SchemaFor<T>()
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Features.Count);
        return schema;
    }

    internal sealed class TrainingRow
    {
        public required float[] Features { get; init; }

        public float Watch { get; init; }

        public float Length { get; init; }

        public Reactions Reactions { get; init; }
    }

    internal sealed class BinaryRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    internal sealed class RegressionRow
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }
}
