using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Policies;

/// <summary>Uniformly random videos from the whole catalogue: the no-information baseline.</summary>
internal sealed class RandomPolicy(PlatformState state) : IFeedPolicy
{
    public int Recommend(in RecommendationRequest request, Span<int> slate, Span<ServeContext> contexts)
    {
        var n = 0;
        for (var slot = 0; slot < slate.Length; slot++)
        {
            var bits = StableHash.Hash(state.Seed, (ulong)request.UserId, (ulong)request.NowSecond, (ulong)slot);
            var id = state.PickAny(request.UserId, bits, slate[..n]);
            if (id < 0)
            {
                break;
            }

            // No serving context is logged for the random baseline (as before contexts travelled with the slate).
            contexts[n] = ServeContext.Unknown;
            slate[n++] = id;
            state.Served.Add(request.UserId, id);
        }

        return n;
    }

    public void Refresh(long nowSecond)
    {
        // Nothing learned, nothing to refresh.
    }
}
