namespace Recommender;

/// <summary>Which feed the platform serves. Every value is a real policy that stays in the product.</summary>
public enum FeedPolicyKind
{
    /// <summary>
    /// Non-personalised popular feed (EU DSA style, CALIBRATION.md §5): interleaves the most
    /// popular recent videos of the user's country and of the whole platform, ranked by the
    /// value formula over time-decayed engagement, plus a share of fresh uploads.
    /// </summary>
    Popularity,

    /// <summary>Uniformly random videos from the catalogue, never repeating a recently served one.</summary>
    Random,
}
