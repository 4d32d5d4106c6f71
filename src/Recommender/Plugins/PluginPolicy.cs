using Recommender.Abstractions;
using Recommender.Policies;
using Recommender.State;

namespace Recommender.Plugins;

/// <summary>
/// Serves a plug-in's slates: checks every id it returns (a bad id is the plug-in's bug, named as
/// such, not a crash elsewhere), records what was served and hands feedback and the schedule on.
/// </summary>
internal sealed class PluginPolicy : IFeedPolicy
{
    private readonly PlatformState _state;

    public PluginPolicy(PlatformState state, IFeedPlugin plugin, string name)
    {
        _state = state;
        Plugin = plugin;
        Name = name;
        plugin.Initialize(new PlatformView(state), state.Seed);
    }

    // A plug-in's own state lives outside the snapshot (see IFeedPlugin).
    [field: NonSerialized]
    public IFeedPlugin Plugin { get; }

    public string Name { get; }

    public int Recommend(in RecommendationRequest request, Span<int> slate, Span<ServeContext> contexts)
    {
        var n = Plugin.Recommend(request, slate);
        if (n < 0 || n > slate.Length)
        {
            throw new InvalidOperationException($"plug-in {Name} returned {n} slots for a slate of {slate.Length}.");
        }

        var videos = _state.Catalog.Count;
        for (var i = 0; i < n; i++)
        {
            var id = slate[i];
            if (id < 0 || id >= videos || slate[..i].Contains(id))
            {
                throw new InvalidOperationException($"plug-in {Name} returned video id {id} in slot {i}: ids must be distinct and in 0–{videos - 1}.");
            }

            contexts[i] = ServeContext.Served(request.LocalHour, request.SessionPosition + i, 1f);
            _state.Served.Add(request.UserId, id);
        }

        return n;
    }

    public void Refresh(long nowSecond)
    {
        // Scheduled training is the core's retraining schedule (RecommenderCore.Retrain).
    }
}
