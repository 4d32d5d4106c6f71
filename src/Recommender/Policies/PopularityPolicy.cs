using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// The non-personalised feed (EU DSA style: "popular local and global videos", CALIBRATION.md §5):
/// slots alternate between the user's country list and the global list, each ranked by
/// time-decayed observed value, with a share of slots for fresh uploads so that new videos
/// can be discovered at all. Uses only account country and logged outcomes.
/// </summary>
internal sealed class PopularityPolicy : IFeedPolicy
{
    private readonly PlatformState _state;
    private readonly RecommenderOptions _options;
    private readonly TopList _global;
    private TopList[] _regional = [];

    public PopularityPolicy(PlatformState state, RecommenderOptions options)
    {
        _state = state;
        _options = options;
        _global = new TopList(options.PopularListLength);
    }

    public int Recommend(in RecommendationRequest request, Span<int> slate)
    {
        var user = request.UserId;
        var region = _state.Accounts.Region(user);
        var local = region < _regional.Length ? _regional[region].Ids : ReadOnlySpan<int>.Empty;
        var global = _global.Ids;
        int li = 0, gi = 0, n = 0;
        for (var slot = 0; slot < slate.Length; slot++)
        {
            var bits = StableHash.Hash(_state.Seed, (ulong)user, (ulong)request.NowSecond, (ulong)slot);
            var id = -1;
            if (StableHash.Unit(bits) < _options.FreshShare)
            {
                id = _state.PickFresh(user, bits, slate[..n]);
            }

            if (id < 0)
            {
                id = (slot & 1) == 0
                    ? NextUnseen(user, local, ref li, slate[..n])
                    : NextUnseen(user, global, ref gi, slate[..n]);
                id = id >= 0 ? id : NextUnseen(user, global, ref gi, slate[..n]);
                id = id >= 0 ? id : _state.PickFresh(user, bits, slate[..n]);
                id = id >= 0 ? id : _state.PickAny(user, bits, slate[..n]);
            }

            if (id < 0)
            {
                break;
            }

            slate[n++] = id;
            _state.Served.Add(user, id);
        }

        return n;
    }

    public void Refresh(long nowSecond)
    {
        var counters = _state.Counters;
        var count = _state.Catalog.Count;
        _global.Rebuild(counters.Value[..count]);
        var regions = _state.Regions.Count;
        if (_regional.Length < regions)
        {
            var old = _regional.Length;
            Array.Resize(ref _regional, regions);
            for (var r = old; r < regions; r++)
            {
                _regional[r] = new TopList(_options.PopularListLength);
            }
        }

        for (var r = 0; r < regions; r++)
        {
            var values = counters.RegionValue(r);
            _regional[r].Rebuild(values[..Math.Min(count, values.Length)]);
        }
    }

    private int NextUnseen(int user, ReadOnlySpan<int> list, ref int cursor, ReadOnlySpan<int> taken)
    {
        while (cursor < list.Length)
        {
            var id = list[cursor++];
            if (!_state.Served.Contains(user, id) && !taken.Contains(id))
            {
                return id;
            }
        }

        return -1;
    }
}
