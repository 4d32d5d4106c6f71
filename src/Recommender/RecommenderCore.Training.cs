using Recommender.Evaluation;
using Recommender.Ranking;

namespace Recommender;

/// <summary>The retraining schedule: when the ranking heads are refitted and evaluated.</summary>
public sealed partial class RecommenderCore
{
    private void Retrain(long now)
    {
        FlushTrainingSink();
        _state.Log.Resample(now, _windowSeconds);
        _plugin?.Plugin.Train(now);
        if (_ranked is null)
        {
            // Other policies keep no model; the log still allows evaluating nothing.
            return;
        }

        if (_ranked.External is { } external)
        {
            // An external model is never refitted here; it is scored on each block of new traffic
            // like a built-in model.
            var scored = OfflineEvaluator.Evaluate(external, _state, _evaluatedRow, _lastEvaluation, now, _value);
            if (scored is not null)
            {
                _evaluations.Add(scored);
            }

            _lastEvaluation = now;
            _evaluatedRow = _state.Log.Written;
            return;
        }

        // The current model is scored on the rows logged since the last evaluation (all unseen by
        // it) on every schedule, whether or not it is refitted, so each evaluation covers its own
        // block of held-out traffic.
        var current = _ranked.Model;
        OfflineEvaluation? evaluation = null;
        var evaluateFrom = Math.Max(_modelRow, _evaluatedRow);
        Action? evaluate = current is null ? null : () => evaluation = OfflineEvaluator.Evaluate(current, _state, evaluateFrom, _lastEvaluation, now, _value);

        // Training cost follows the traffic: a small world keeps its model until it has logged a
        // fit's worth of new rows.
        RankingModel? model = null;
        if (current is not null && _state.Log.Written - _modelRow < Options.RetrainMinNewRows)
        {
            evaluate!();
        }
        else
        {
            // Evaluation only reads the log, so it runs as one more task beside the fits.
            var from = current is null ? now - _windowSeconds : Math.Min(now - _windowSeconds, current.TrainedAt);
            model = _trainer.Train(_state.Log, now, from, evaluate);
        }

        if (evaluation is not null)
        {
            _evaluations.Add(evaluation);
        }

        _lastEvaluation = now;
        _evaluatedRow = _state.Log.Written;
        if (model is not null)
        {
            _ranked.Model = model;
            _modelRow = _state.Log.Written;
            Trainings++;
        }
    }
}
