using Recommender.Abstractions;

namespace Recommender.Ranking;

/// <summary>
/// The platform's value of a video to a user, Σ_k V_k·P_k + V_play·E[watch minutes]
/// (CALIBRATION.md §6: "TikTok Algo 101"; Douyin: priority = predicted probability × value
/// weight), written once for serving, offline evaluation and the realised value of an outcome,
/// so that all three weigh the same objectives the same way.
/// </summary>
internal sealed class ValueFormula(ValueWeights weights)
{
    /// <summary>
    /// Predicted value of row <paramref name="i"/> from the heads' probabilities
    /// (<paramref name="byHead"/> indexed by <see cref="Head"/>) and the expected watch seconds.
    /// </summary>
    public double Predicted(double[][] byHead, int i, double expectedWatchSeconds) =>
        weights.Finish * byHead[(int)Head.Finish][i]
        + weights.Like * byHead[(int)Head.Like][i]
        + weights.Comment * byHead[(int)Head.Comment][i]
        + weights.Share * byHead[(int)Head.Share][i]
        + weights.Follow * byHead[(int)Head.Follow][i]
        + weights.NotInterested * byHead[(int)Head.NotInterested][i]
        + weights.Playtime * expectedWatchSeconds / 60.0;

    /// <summary>
    /// Value before any model exists: the video's observed rates in place of the heads (no comment
    /// or follow rate is kept), the watch time a finish would give, scaled by the user's topic
    /// affinity, plus a fifth of the embedding score so that new videos can still rank.
    /// </summary>
    public double Heuristic(ReadOnlySpan<float> features, float lengthSeconds)
    {
        var finish = features[(int)Feature.VideoFinishRate];
        return (weights.Finish * finish
            + weights.Like * features[(int)Feature.VideoLikeRate]
            + weights.Share * features[(int)Feature.VideoShareRate]
            + weights.NotInterested * features[(int)Feature.VideoNotInterestedRate]
            + weights.Playtime * finish * lengthSeconds / 60.0) * features[(int)Feature.UserTopicAffinity]
            + 0.2 * features[(int)Feature.EmbeddingScore];
    }

    /// <summary>Realised value of an outcome: the watch time and each reaction it had, for the popularity counters.</summary>
    public double Realised(float watchSeconds, Reactions r)
    {
        var value = weights.Playtime * watchSeconds / 60.0;
        if ((r & Reactions.Finished) != 0) value += weights.Finish;
        if ((r & Reactions.Liked) != 0) value += weights.Like;
        if ((r & Reactions.Commented) != 0) value += weights.Comment;
        if ((r & Reactions.Shared) != 0) value += weights.Share;
        if ((r & Reactions.Followed) != 0) value += weights.Follow;
        if ((r & Reactions.NotInterested) != 0) value += weights.NotInterested;
        return value;
    }
}
