using Recommender.Abstractions;

namespace Recommender.Policies;

/// <summary>A feed policy: fills a slate for one request from the platform's state.</summary>
internal interface IFeedPolicy
{
    /// <summary>
    /// Fills <paramref name="slate"/> and, slot by slot, <paramref name="contexts"/> (at least as long),
    /// and returns how many ids were written. Thread-safe across distinct users.
    /// </summary>
    int Recommend(in RecommendationRequest request, Span<int> slate, Span<ServeContext> contexts);

    /// <summary>Periodic batch work (list refresh, retraining) at a tick boundary.</summary>
    void Refresh(long nowSecond);

    /// <summary>
    /// Whether an empty slate means the user has seen everything this feed holds for them (a finite
    /// feed such as Following, which says "all caught up") rather than a feed that ran dry.
    /// </summary>
    bool EndsWhenCaughtUp => false;
}
