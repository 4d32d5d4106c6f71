using Recommender.Abstractions;

namespace Simulator.World.Simulation;

/// <summary>
/// Receives every impression of the reported days (warm-up excluded), tick by tick in chunk
/// order, so a log is the same for any thread count. Called on the loop's thread.
/// </summary>
public interface IImpressionSink
{
    void OnImpressions(int day, ReadOnlySpan<ImpressionFeedback> impressions);
}
