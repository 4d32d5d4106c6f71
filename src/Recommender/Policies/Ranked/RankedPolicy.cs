using Recommender.Abstractions;
using Recommender.Ranking;
using Recommender.Ranking.Onnx;
using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// The full core (DESIGN.md §5), four stages per request: candidates from several sources
/// (<see cref="CandidateSources"/>), a cheap pre-ranking (<see cref="PreRanker"/>), full ranking
/// of the best few by the value formula Σ V_k·P_k + V_play·E[watch] over the trained heads
/// (<see cref="Scorer"/>), and a greedy re-ranker with hard rules, MMR diversity, a fatigue
/// penalty and logged exploration slots (<see cref="Reranker"/>).
/// </summary>
internal sealed class RankedPolicy : IFeedPolicy
{
    private readonly PlatformState _state;
    private readonly CandidateSources _candidates;
    private readonly PreRanker _preRanker;
    private readonly Scorer _scorer;
    private readonly Reranker _reranker;

    public RankedPolicy(PlatformState state, RecommenderOptions options)
    {
        _state = state;
        Popular = new PopularityLists(state, options);
        _candidates = new CandidateSources(state, options, Popular);
        _preRanker = new PreRanker(state, options);
        _scorer = new Scorer(state, new ValueFormula(options.Weights));
        _reranker = new Reranker(state, options);
    }

    /// <summary>The model serving now; replaced whole at a tick boundary.</summary>
    public RankingModel? Model { get; set; }

    /// <summary>An external model that ranks instead of the built-in heads, or null. Loaded from its file by each process, so not part of a snapshot.</summary>
    [field: NonSerialized]
    public OnnxRanker? External { get; set; }

    public PopularityLists Popular { get; }

    public StageProfile Profile { get; } = new();

    public int Recommend(in RecommendationRequest request, Span<int> slate, Span<ServeContext> contexts)
    {
        var s = RankScratch.For(_state.Catalog.Capacity);
        var user = request.UserId;

        // The videos the user was served recently are marked as taken before gathering, so a
        // candidate is checked with one look-up instead of a scan of the served ring.
        _state.Served.Mark(user, s.Mark, s.Stamp);
        var profile = Profile.Enabled;
        var t = profile ? Profile.Now() : 0;
        var n = _candidates.Gather(s, user, request.NowSecond);
        if (profile) t = Profile.Lap(0, t);
        if (n == 0)
        {
            return 0;
        }

        var ranked = _preRanker.PreRank(s, user, n);
        if (profile) t = Profile.Lap(1, t);
        var featureTicks = _scorer.Score(s, request, ranked, Model, External, Profile);
        if (profile)
        {
            // Feature time was measured inside Score; the rest of Score is the model heads.
            Profile.Add(2, featureTicks);
            t = Profile.Lap(3, t + featureTicks);
        }

        var filled = _reranker.Rerank(s, request, ranked, n, slate, contexts);
        if (profile) Profile.Lap(4, t);
        return filled;
    }

    public void Refresh(long nowSecond) => Popular.Refresh();
}
