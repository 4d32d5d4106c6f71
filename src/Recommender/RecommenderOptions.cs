using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Recommender;

/// <summary>Configuration of the recommender core; every value has a default.</summary>
[ImmutableObject(true)]
public sealed record RecommenderOptions
{
    /// <summary>The feed policy to serve.</summary>
    [Description("Feed policy: ranked (the full core), popularity (non-personalised, DSA-style), random, chronological (following feed), untrained (the full core without the learned state or data) or plugin (a policy from outside, see plugin).")]
    public FeedPolicyKind Policy { get; init; } = FeedPolicyKind.Ranked;

    /// <summary>Videos returned per request.</summary>
    [Description("Videos returned per feed request (the client prefetches this many).")]
    [Range(1, 32)]
    public int SlateSize { get; init; } = 8;

    /// <summary>Value weights of the ranking formula.</summary>
    [Description("Value weights V_k of the score Σ V_k·P_k + V_play·E[watch].")]
    public ValueWeights Weights { get; init; } = new();

    /// <summary>The model that ranks (built-in heads or an external ONNX model).</summary>
    [Description("The model that ranks candidates in the ranked feed: the built-in heads (default) or an external ONNX model.")]
    public RankerOptions Ranker { get; init; } = new();

    /// <summary>The plug-in feed policy, with <c>policy: plugin</c>.</summary>
    [Description("With policy: plugin, the assembly and type of a feed policy written outside the simulator (Recommender.Plugins.IFeedPlugin: request in, slate out, feedback in, training on retrain_hours).")]
    public PluginOptions Plugin { get; init; } = new();

    /// <summary>Half-life of engagement counters, hours.</summary>
    [Description("Half-life in hours of the time-decayed engagement counters behind popularity.")]
    [Range(0.1, 24 * 60)]
    public double PopularityHalfLifeHours { get; init; } = 24;

    /// <summary>Minutes between refreshes of the popular lists.</summary>
    [Description("Minutes between refreshes of the popular lists (a batch job in a real service).")]
    [Range(1, 24 * 60)]
    public int RefreshMinutes { get; init; } = 15;

    /// <summary>Length of each popular list.</summary>
    [Description("Length of each popular list (per country and global).")]
    [Range(10, 100_000)]
    public int PopularListLength { get; init; } = 1000;

    /// <summary>Share of slots given to fresh uploads so new videos can collect their first signals.</summary>
    [Description("Share of feed slots filled with uploads of the last fresh_hours, so new videos get first signals.")]
    [Range(0.0, 1.0)]
    public double FreshShare { get; init; } = 0.1;

    /// <summary>Age in hours under which an upload counts as fresh.</summary>
    [Description("Age in hours under which an upload counts as fresh.")]
    [Range(1, 24 * 30)]
    public double FreshHours { get; init; } = 24;

    /// <summary>Items remembered per user to avoid serving a video twice.</summary>
    [Description("Recently served videos remembered per user and never served again while remembered.")]
    [Range(8, 1024)]
    public int ServedMemory { get; init; } = 128;

    /// <summary>Videos per generation of the long per-user memory of served videos (two Bloom-filter generations).</summary>
    [Description("Long memory of served videos behind served_memory: a per-user Bloom filter of two generations of this many videos each (rounded up to a power of two; 2 bytes per video per user), so a video is not served to the same user again until between this and twice this many newer videos were served (about 3 % of unseen candidates are wrongly taken as seen). Feeds dedup against weeks of history; with the short ring alone old hits are served again and again and take over the feed (0: the ring only).")]
    [Range(0, 4096)]
    public int SeenMemory { get; init; } = 512;

    /// <summary>Hours between retraining the ranking heads.</summary>
    [Description("Simulated hours between retraining the ranking heads (FastTree, ML.NET) on the recent log.")]
    [Range(1, 24 * 30)]
    public double RetrainHours { get; init; } = 24;

    /// <summary>Rows sampled from the log for each retraining.</summary>
    [Description("Rows subsampled from the recent log for each retraining (training cost grows with it).")]
    [Range(1000, 2_000_000)]
    public int TrainingRows { get; init; } = 20_000;

    /// <summary>New log rows a scheduled refit waits for.</summary>
    [Description("A scheduled retraining (after the first model) runs only once this many impressions were logged since the last one, else it waits for the next schedule: a refit on mostly the rows the last one saw costs a whole fit and changes little, so training cost follows the traffic. Worlds that log more than this per retrain_hours (about 2,300 users and more at the defaults) retrain on every schedule (0: always).")]
    [Range(0, 20_000_000)]
    public int RetrainMinNewRows { get; init; } = 20_000;

    /// <summary>Hours of traffic the ranking heads learn from.</summary>
    [Description("Hours of recent traffic each retraining samples its rows from (or the time since the last retraining, if longer). The log keeps a uniform sample of impressions sized so that this window fits in log_capacity, so the heads learn from the same span of the day at any population.")]
    [Range(1, 24 * 30)]
    public double TrainingWindowHours { get; init; } = 24;

    /// <summary>Impressions kept in the rolling log.</summary>
    [Description("Rows of the rolling training log: when training_window_hours of traffic holds more impressions, the log keeps a uniform sample of them that fills nine tenths of it.")]
    [Range(10_000, 20_000_000)]
    public int LogCapacity { get; init; } = 300_000;

    /// <summary>Learner of the ranking heads' trees.</summary>
    [Description("Learner of the ranking heads' boosted trees: fast_tree (ML.NET FastTree) or light_gbm (LightGBM through ML.NET). Same trees, leaves, learning rate and minimum leaf size; the fitted trees are served by the same evaluator and exported to ONNX alike.")]
    public TreeLearner Learner { get; init; } = TreeLearner.FastTree;

    /// <summary>Trees per head.</summary>
    [Description("Boosted trees per ranking head.")]
    [Range(1, 1000)]
    public int Trees { get; init; } = 20;

    /// <summary>Leaves per tree.</summary>
    [Description("Leaves per tree.")]
    [Range(2, 256)]
    public int Leaves { get; init; } = 8;

    /// <summary>Candidates fully ranked per request.</summary>
    [Description("Candidates fully ranked by the heads per request, after a cheap pre-ranking of all candidates.")]
    [Range(8, 1000)]
    public int RankedCandidates { get; init; } = 48;

    /// <summary>MMR diversity weight.</summary>
    [Description("Diversity weight λ of the MMR re-ranker: penalty for a candidate's similarity (same topic, creator) to items already chosen.")]
    [Range(0.0, 10.0)]
    public double DiversityWeight { get; init; } = 0.3;

    /// <summary>Maximum items of one topic per slate.</summary>
    [Description("At most this many videos of one topic per slate (a per-window cap).")]
    [Range(1, 32)]
    public int TopicCapPerSlate { get; init; } = 3;

    /// <summary>Penalty per recent serving of a topic.</summary>
    [Description("Fatigue penalty per recent serving of the candidate's topic to this user (share of score).")]
    [Range(0.0, 1.0)]
    public double FatiguePenalty { get; init; } = 0.05;

    /// <summary>Probability that a slot goes to an out-of-interest exploration item.</summary>
    [Description("Probability that a slot is an exploration item (random, out of interest); its propensity is logged.")]
    [Range(0.0, 1.0)]
    public double ExplorationRate { get; init; } = 0.05;

    /// <summary>Half-life of the users' learned topic history.</summary>
    [Description("Half-life in hours of each user's learned topic history.")]
    [Range(1, 24 * 365)]
    public double UserHistoryHalfLifeHours { get; init; } = 72;

    /// <summary>Whether new videos go through the staged traffic pool.</summary>
    [Description("Give every new upload a staged audience (the traffic pool), promoted on completion and like rates against its cohort.")]
    public bool TrafficPool { get; init; } = true;

    /// <summary>Seed of the platform's own randomness (exploration, random policy).</summary>
    [Description("Seed of the recommender's own randomness; by default derived from the scenario seed.")]
    public ulong? Seed { get; init; }
}
