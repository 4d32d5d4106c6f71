namespace Recommender.Abstractions;

/// <summary>Receives the impressions the core logs for training, in log order, at each scheduled retraining and on <see cref="RecommenderCore.FlushTrainingSink"/>.</summary>
public interface ITrainingSink
{
    /// <summary>One logged impression.</summary>
    void Write(in TrainingExample example);
}
