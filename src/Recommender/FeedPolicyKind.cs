namespace Recommender;

/// <summary>Which feed the platform serves. Every value is a real policy that stays in the product.</summary>
public enum FeedPolicyKind
{
    /// <summary>
    /// The full core: candidates from learned embeddings, followed creators, trending, the traffic
    /// pool and exploration; ranked by per-objective heads trained with ML.NET; re-ranked for diversity.
    /// </summary>
    Ranked,

    /// <summary>
    /// Non-personalised popular feed (EU DSA style, CALIBRATION.md §5): interleaves the most
    /// popular recent videos of the user's country and of the whole platform, ranked by the
    /// value formula over time-decayed engagement, plus a share of fresh uploads.
    /// </summary>
    Popularity,

    /// <summary>Uniformly random videos from the catalogue, never repeating a recently served one.</summary>
    Random,

    /// <summary>The following feed: newest uploads of followed creators first, then everything else newest first.</summary>
    Chronological,

    /// <summary>
    /// The full <see cref="Ranked"/> pipeline with every learned state and all history forgotten at
    /// the end of warm-up: the buyer who gets the app but neither the model nor the data.
    /// </summary>
    Untrained,

    /// <summary>A feed policy from outside the simulator (<see cref="Plugins.IFeedPlugin"/>), named by <see cref="RecommenderOptions.Plugin"/>.</summary>
    Plugin,
}
