using Recommender.State;

namespace Recommender.Policies;

/// <summary>The most valuable recent videos per country and platform-wide, rebuilt at each refresh.</summary>
internal sealed class PopularityLists(PlatformState state, RecommenderOptions options)
{
    private readonly TopList _global = new(options.PopularListLength);
    private TopList[] _regional = [];

    public ReadOnlySpan<int> Global => _global.Ids;

    public ReadOnlySpan<int> Local(int region) => region < _regional.Length ? _regional[region].Ids : ReadOnlySpan<int>.Empty;

    public void Refresh()
    {
        var counters = state.Counters;
        var count = state.Catalog.Count;
        _global.Rebuild(counters.Value[..count]);
        var regions = state.Regions.Count;
        if (_regional.Length < regions)
        {
            var old = _regional.Length;
            Array.Resize(ref _regional, regions);
            for (var r = old; r < regions; r++)
            {
                _regional[r] = new TopList(options.PopularListLength);
            }
        }

        for (var r = 0; r < regions; r++)
        {
            var values = counters.RegionValue(r);
            _regional[r].Rebuild(values[..Math.Min(count, values.Length)]);
        }
    }
}
