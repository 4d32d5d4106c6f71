namespace Simulator.World.Simulation;

/// <summary>The world's systems, by role (what a benchmark reports each system's time under).</summary>
public enum WorldSystem
{
    /// <summary>Not one of the world's own systems (an observer added from outside, such as progress).</summary>
    Other = 0,
    WarmupEnd,
    Campaign,
    SessionStart,

    /// <summary>The chunk-parallel sessions phase: feed requests and the behaviour model.</summary>
    Sessions,

    /// <summary>The recommender's recording and the world's bookkeeping, side by side.</summary>
    Feedback,
    Upload,

    /// <summary>The recommender's batch work: refreshes, model fits (side by side) and evaluation.</summary>
    RecommenderTrain,
    CreatorChurn,
    DayRollup,
}
