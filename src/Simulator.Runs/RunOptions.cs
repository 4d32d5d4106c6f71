namespace Simulator.Runs;

/// <summary>How to run a scenario; the command line fills these.</summary>
public sealed record RunOptions
{
    /// <summary>Worker threads per replication (results do not depend on it).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Multiplier on the population size.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Overrides the scenario's replications.</summary>
    public int? Replications { get; init; }

    /// <summary>Overrides the scenario's seed.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Where to stream the Parquet impression log while the run lasts; null for no log.</summary>
    public string? ImpressionLogPath { get; init; }

    /// <summary>Replications run side by side: 0 chooses (see <see cref="ScenarioRunner.Lanes"/>), 1 runs them one after another.</summary>
    public int ReplicationLanes { get; init; }

    /// <summary>Cores shared with replications running in other lanes (set by the lane pool), or null for <see cref="Threads"/> of its own.</summary>
    internal Engine.Parallel.ThreadShare? Share { get; init; }

    /// <summary>The burn-in this arm's replications start from (a forked study arm); null for its own warm-up.</summary>
    internal ForkSource? Fork { get; init; }

    /// <summary>Whether a study's arms start from one burn-in of the baseline per replication (<see cref="ForkRules"/>); false gives every arm its own warm-up.</summary>
    public bool ForkArms { get; init; } = true;

    /// <summary>Another world this run starts from (<c>run --from</c>); null to start from the beginning.</summary>
    public BranchRequest? Branch { get; init; }

    /// <summary>The build that runs (version and commit): checkpoints a branch starts from must come from it.</summary>
    public string Build { get; init; } = "";

    /// <summary>Snapshots to keep and resume from; null for none.</summary>
    public CheckpointPlan? Checkpoints { get; init; }

    /// <summary>Called with each replication's index and recommender once its world is built, before it runs (export-training attaches its sink here); null for nothing.</summary>
    public Action<int, Recommender.RecommenderCore>? OnWorldBuilt { get; init; }

    /// <summary>Called with each replication's index and recommender when it has run to its end, before the world is released (export-ranker); null for nothing.</summary>
    public Action<int, Recommender.RecommenderCore>? OnWorldFinished { get; init; }

    /// <summary>Simulated minutes between progress reports.</summary>
    public int ProgressEveryMinutes { get; init; } = 60;
}
