using System.Globalization;
using Google.Protobuf;

namespace Recommender.Ranking.Onnx;

/// <summary>
/// Writes a trained <see cref="RankingModel"/> as one ONNX model that honours the
/// <see cref="FeatureContract"/>: input <c>features</c> [N, 20], one output per head. Each binary
/// head is its tree ensemble followed by the Platt calibration the core applies; a head too rare
/// to train returns its prior; the watch head's within-duration quantile is mapped to seconds
/// through the same quantile tables and duration buckets as <see cref="RankingModel.ExpectedWatchSeconds"/>.
/// Scoring the export with ONNX Runtime gives the core's own numbers to float precision (a test).
/// </summary>
internal static class RankerExport
{
    public static void Write(RankingModel model, Stream output, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var g = new OnnxGraph();
        var x = FeatureContract.InputName;
        g.Input(x, Features.Count);
        var flat = g.Int64s(-1);
        for (var h = 0; h < RankingModel.Heads; h++)
        {
            var name = FeatureContract.HeadName((Head)h);
            string column;
            if (model.HeadModels[h] is { } trees)
            {
                // P = 1 / (1 + exp(slope·score + offset)) = sigmoid(−slope·score − offset).
                var score = trees.AddTo(g, x);
                var scaled = g.Node("Mul", score, g.Floats([(float)-model.Slopes[h]], 1));
                column = g.Node("Sigmoid", g.Node("Add", scaled, g.Floats([(float)-model.Offsets[h]], 1)));
            }
            else
            {
                column = g.Node("Add", g.Node("Mul", FirstColumn(g, x), g.Floats([0f], 1)), g.Floats([(float)model.Priors[h]], 1));
            }

            g.Node("Reshape", [column, flat], name, "");
            g.Output(name);
        }

        WatchSeconds(g, model, x, flat);
        g.Output(FeatureContract.WatchSecondsName);
        var props = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>())
        {
            ["feature_contract_version"] = FeatureContract.Version.ToString(CultureInfo.InvariantCulture),
            ["trained_at_second"] = model.TrainedAt.ToString(CultureInfo.InvariantCulture),
            ["training_rows"] = model.Rows.ToString(CultureInfo.InvariantCulture),
        };
        g.Model("simulator export-ranker", props).WriteTo(output);
    }

    // features[:, 0:1], a column of the batch's shape.
    private static string FirstColumn(OnnxGraph g, string x) => g.Node("Slice", x, g.Int64s(0), g.Int64s(1), g.Int64s(1));

    // seconds = q_b[i] + (q_b[i+1] − q_b[i])·(pos − i), pos = clip(score, 0, 1)·20, i = min(19, ⌊pos⌋)
    // (QuantilePoints − 2), b = the number of bucket edges ≤ length, length = exp(video_log_length);
    // 0.5·length where that is not positive. 0.5 without a watch head, as the core does.
    private static void WatchSeconds(OnnxGraph g, RankingModel model, string x, string flat)
    {
        var logLength = g.Node("Slice", x, g.Int64s((int)Feature.VideoLogLength), g.Int64s((int)Feature.VideoLogLength + 1), g.Int64s(1));
        var length = g.Node("Exp", logLength);
        var raw = model.Watch is { } w ? w.AddTo(g, x) : g.Node("Add", g.Node("Mul", length, g.Floats([0f], 1)), g.Floats([0.5f], 1));
        var q = g.Node("Clip", raw, g.Floats([0f]), g.Floats([1f]));
        const int points = RankingModel.QuantilePoints;
        var pos = g.Node("Mul", q, g.Floats([points - 1f], 1));
        var i = g.Node("Min", g.Node("Floor", pos), g.Floats([points - 2f], 1));
        var frac = g.Node("Sub", pos, i);
        var edges = RankingModel.Edges;
        var over = g.Node("Cast", [g.Node("GreaterOrEqual", length, g.Floats([.. edges], 1, edges.Count))], null, "", OnnxGraph.Attr("to", 1L));
        var bucket = g.Node("ReduceSum", [over, g.Int64s(1)], null, "", OnnxGraph.Attr("keepdims", 1L));
        var index = g.Node("Add", g.Node("Mul", bucket, g.Floats([points], 1)), i);
        var table = model.Quantiles.Length == RankingModel.Buckets * points ? model.Quantiles : new float[RankingModel.Buckets * points];
        var quantiles = g.Floats(table, table.Length);
        var at = g.Node("Cast", [index], null, "", OnnxGraph.Attr("to", 7L));
        var next = g.Node("Cast", [g.Node("Add", index, g.Floats([1f], 1))], null, "", OnnxGraph.Attr("to", 7L));
        var lo = g.Node("Gather", quantiles, at);
        var hi = g.Node("Gather", quantiles, next);
        var seconds = g.Node("Add", lo, g.Node("Mul", g.Node("Sub", hi, lo), frac));
        var fallback = g.Node("Mul", length, g.Floats([0.5f], 1));
        var chosen = g.Node("Where", g.Node("Greater", seconds, g.Floats([0f], 1)), seconds, fallback);
        g.Node("Reshape", [chosen, flat], FeatureContract.WatchSecondsName, "");
    }
}
