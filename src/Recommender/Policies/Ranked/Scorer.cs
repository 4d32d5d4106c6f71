using Recommender.Abstractions;
using Recommender.Ranking;
using Recommender.Ranking.Onnx;
using Recommender.State;

namespace Recommender.Policies;

/// <summary>
/// Full ranking: the ranked candidates' features, every head of the serving model over them in
/// one batch, and the value formula per candidate (the heuristic from the counters' rates until
/// a model exists).
/// </summary>
internal sealed class Scorer(PlatformState state, ValueFormula value)
{
    // The heads the value formula weighs (every head but the valid view).
    private static readonly Head[] ValuedHeads = [Head.Finish, Head.Like, Head.Comment, Head.Share, Head.Follow, Head.NotInterested];

    /// <summary>Fills the scratch's values for the <paramref name="ranked"/> candidates.</summary>
    /// <returns>Clock ticks spent computing features when <paramref name="profile"/> times stages, else 0.</returns>
    public long Score(RankScratch s, in RecommendationRequest request, int ranked, RankingModel? model, OnnxRanker? external, StageProfile profile)
    {
        const int stride = Features.Count;
        var started = profile.Enabled ? profile.Now() : 0;

        // With a model whose trees allow it, the heads read the features by columns (eight
        // candidates per vector), filled straight into that layout; else one row per candidate.
        var columnStride = (ranked + 7) / 8 * 8;
        var byColumns = external is null && model is { EvaluatesColumns: true };
        var rows = byColumns ? default : s.FeatureRows.AsSpan(0, ranked * stride);
        var columns = byColumns ? s.FeatureColumns.AsSpan(0, columnStride * stride) : default;
        if (byColumns)
        {
            var videos = s.RankedVideos.AsSpan(0, ranked);
            for (var r = 0; r < ranked; r++)
            {
                videos[r] = s.Candidates[s.Ranked[r]];
            }

            Features.FillColumns(state, request.UserId, videos, request.NowSecond, request.LocalHour, request.SessionPosition, columns, columnStride);
        }
        else
        {
            for (var r = 0; r < ranked; r++)
            {
                var v = s.Candidates[s.Ranked[r]];
                Features.Fill(state, request.UserId, v, request.NowSecond, request.LocalHour, request.SessionPosition, rows.Slice(r * stride, stride));
            }
        }

        var featureTicks = profile.Enabled ? profile.Now() - started : 0;
        if (external is not null)
        {
            // An external ranker: one call over every candidate's contract row, then the same
            // value formula over its outputs.
            var o = s.HeadOutputs;
            var watchSeconds = s.WatchOutputs;
            external.Score(s.FeatureRows, ranked, o, watchSeconds);
            for (var r = 0; r < ranked; r++)
            {
                s.Value[r] = value.Predicted(o, r, watchSeconds[r]);
            }
        }
        else if (model is not null)
        {
            // Each head over all candidates in one batch (the user's and the request's own
            // features are the same in every row, so their tests are made once), eight
            // candidates per vector where the trees allow the column layout; then
            // Σ V_k·P_k + V_play·E[watch] per candidate, summed in the same order as one
            // candidate at a time.
            var o = s.HeadOutputs;
            var batch = new FeatureBatch(rows, stride, columns, columnStride, Features.RequestShared);
            foreach (var head in ValuedHeads)
            {
                model.ProbabilityMany(head, batch, o[(int)head].AsSpan(0, ranked));
            }

            var watch = s.WatchOutputs;
            model.WatchScoresMany(batch, watch.AsSpan(0, ranked));
            for (var r = 0; r < ranked; r++)
            {
                var length = state.Catalog.Length(s.Candidates[s.Ranked[r]]);
                s.Value[r] = value.Predicted(o, r, model.ExpectedWatchSeconds(watch[r], length));
            }
        }
        else
        {
            for (var r = 0; r < ranked; r++)
            {
                // Before a model exists: the counters' rates, scaled by the user's topic history.
                var length = state.Catalog.Length(s.Candidates[s.Ranked[r]]);
                s.Value[r] = value.Heuristic(rows.Slice(r * stride, stride), length);
            }
        }

        return featureTicks;
    }
}
