using Recommender.Abstractions;

namespace Recommender.Plugins;

/// <summary>
/// A feed policy written outside the simulator (<c>recommender: { policy: plugin, plugin: { assembly, type } }</c>):
/// request in, slate out, feedback in, training on the host's schedule. It sees what the platform
/// sees through <see cref="IPlatformView"/>, never a synthetic user's hidden traits.
/// </summary>
/// <remarks>
/// Threading: <see cref="Recommend"/> may run concurrently for distinct users; every other member
/// runs alone, between request phases. Determinism: a plug-in must draw any randomness from the
/// seed it is given (e.g. a hash of seed, user and second), never from a clock or
/// <see cref="Random.Shared"/>, so that a run gives the same bytes on any thread count.
/// A plug-in's own state is not part of a snapshot, so a run with a plug-in cannot be checkpointed.
/// </remarks>
public interface IFeedPlugin
{
    /// <summary>Called once, before any request, with the platform's view (it grows as accounts and videos are registered) and the run's seed.</summary>
    void Initialize(IPlatformView platform, ulong seed);

    /// <summary>Fills <paramref name="slate"/> with distinct video ids (0 … <see cref="IPlatformView.VideoCount"/> − 1) for one request and returns how many it wrote.</summary>
    int Recommend(in RecommendationRequest request, Span<int> slate);

    /// <summary>One logged impression of any feed (watch time and reactions).</summary>
    void Observe(in ImpressionFeedback feedback);

    /// <summary>Scheduled batch work (every <c>retrain_hours</c>), e.g. refitting a model on what was observed.</summary>
    void Train(long nowSecond);
}
