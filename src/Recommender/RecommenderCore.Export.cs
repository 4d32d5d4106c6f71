using Recommender.Abstractions;
using Recommender.Ranking;
using Recommender.Ranking.Onnx;

namespace Recommender;

/// <summary>What the core hands out for work outside it: its training log and its trained heads.</summary>
public sealed partial class RecommenderCore
{
    // Rows of the log already handed to the sink.
    private long _exportedRow;

    /// <summary>Where logged training rows go (export-training); null for nowhere. This process's, not part of a snapshot.</summary>
    [field: NonSerialized]
    public ITrainingSink? TrainingSink { get; set; }

    /// <summary>Logged rows that the ring buffer overwrote before they reached <see cref="TrainingSink"/> (0 unless a day's traffic outgrew log_capacity).</summary>
    public long TrainingRowsLost { get; private set; }

    /// <summary>Hands the sink every row logged since the last hand-over.</summary>
    public void FlushTrainingSink()
    {
        var log = _state.Log;
        if (TrainingSink is not { } sink)
        {
            _exportedRow = log.Written;
            return;
        }

        var from = Math.Max(_exportedRow, log.Oldest);
        TrainingRowsLost += from - _exportedRow;
        for (var row = from; row < log.Written; row++)
        {
            var r = new RankingTrainer.TrainingRow { Features = [], Watch = log.Watch(row), Length = log.Length(row), Reactions = log.ReactionsOf(row) };
            var labels = 0;
            for (var h = 0; h < RankingModel.Heads; h++)
            {
                labels |= RankingTrainer.Label((Head)h, r) ? 1 << h : 0;
            }

            sink.Write(new TrainingExample(log.Second(row), log.User(row), log.Video(row), log.FeaturesOf(row), r.Watch, r.Length, r.Reactions, log.Propensity(row), labels));
        }

        _exportedRow = log.Written;
    }

    /// <summary>
    /// Writes the built-in heads serving now as an ONNX model under the feature contract
    /// (<c>simulator export-ranker</c>); false when no model has been trained yet.
    /// </summary>
    public bool ExportRanker(Stream output, IReadOnlyDictionary<string, string>? metadata = null)
    {
        if (_ranked?.Model is not { } model)
        {
            return false;
        }

        RankerExport.Write(model, output, metadata);
        return true;
    }
}
