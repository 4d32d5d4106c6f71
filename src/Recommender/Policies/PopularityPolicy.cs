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
    private readonly PopularityLists _lists;

    public PopularityPolicy(PlatformState state, RecommenderOptions options)
    {
        _state = state;
        _options = options;
        _lists = new PopularityLists(state, options);
    }

    public int Recommend(in RecommendationRequest request, Span<int> slate, Span<ServeContext> contexts)
    {
        var user = request.UserId;
        var region = _state.Accounts.Region(user);
        var local = _lists.Local(region);
        var global = _lists.Global;
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

            // No serving context is logged for the popularity feed (as before contexts travelled with the slate).
            contexts[n] = ServeContext.Unknown;
            slate[n++] = id;
            _state.Served.Add(user, id);
        }

        return n;
    }

    public void Refresh(long nowSecond) => _lists.Refresh();

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
