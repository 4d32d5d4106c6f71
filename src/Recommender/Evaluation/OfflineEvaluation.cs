namespace Recommender.Evaluation;

/// <summary>
/// Offline evaluation of one trained model on impressions logged after it was trained (a true
/// hold-out: the model never saw them): AUC per head, GAUC (per-user AUC weighted by the user's
/// impressions) for finish and like, NDCG@10 of each user's held-out impressions ordered by the
/// model's value, and the share of the catalogue shown in the window.
/// </summary>
/// <param name="AtSecond">When the evaluation ran (the end of the hold-out window).</param>
/// <param name="Rows">Held-out impressions evaluated.</param>
/// <param name="Auc">AUC per head, in <c>HeadNames</c> order; NaN where a class was missing.</param>
/// <param name="GaucFinish">GAUC of the finish head.</param>
/// <param name="GaucLike">GAUC of the like head.</param>
/// <param name="NdcgAt10">Mean NDCG@10 over users.</param>
/// <param name="Coverage">Share of the catalogue shown at least once in the window.</param>
public sealed record OfflineEvaluation(long AtSecond, int Rows, IReadOnlyList<double> Auc, double GaucFinish, double GaucLike, double NdcgAt10, double Coverage)
{
    /// <summary>Head names as metric keys use them (<c>recommender.auc.&lt;head&gt;</c>).</summary>
    public static readonly string[] HeadNames = ["valid_view", "finish", "like", "comment", "share", "follow", "not_interested"];
}
