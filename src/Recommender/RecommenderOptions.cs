using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Recommender;

/// <summary>Configuration of the recommender core; every value has a default.</summary>
public sealed record RecommenderOptions
{
    /// <summary>The feed policy to serve.</summary>
    [Description("Feed policy: popularity (non-personalised, DSA-style) or random.")]
    public FeedPolicyKind Policy { get; init; } = FeedPolicyKind.Popularity;

    /// <summary>Videos returned per request.</summary>
    [Description("Videos returned per feed request (the client prefetches this many).")]
    [Range(1, 32)]
    public int SlateSize { get; init; } = 8;

    /// <summary>Value weights of the ranking formula.</summary>
    [Description("Value weights V_k of the score Σ V_k·P_k + V_play·E[watch].")]
    public ValueWeights Weights { get; init; } = new();

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

    /// <summary>Seed of the platform's own randomness (exploration, random policy).</summary>
    [Description("Seed of the recommender's own randomness; by default derived from the scenario seed.")]
    public ulong? Seed { get; init; }
}
