using Recommender.Ranking.Onnx;

namespace Recommender.Ranking;

/// <summary>The ensemble as an ONNX <c>ai.onnx.ml.TreeEnsembleRegressor</c> node.</summary>
internal sealed partial class TreeEnsembleEvaluator
{
    /// <summary>
    /// Adds a TreeEnsembleRegressor over <paramref name="input"/> ([N, features]) to the graph and
    /// returns its output ([N, 1]): the same trees, thresholds and weighted leaves, summed with the
    /// bias. ONNX numbers a tree's nodes itself: splits keep their index, leaf c becomes node
    /// splits + c. BRANCH_LEQ goes to the true branch when feature ≤ threshold, as here.
    /// </summary>
    public string AddTo(OnnxGraph graph, string input)
    {
        var treeIds = new List<long>();
        var nodeIds = new List<long>();
        var featureIds = new List<long>();
        var modes = new List<string>();
        var values = new List<float>();
        var trueIds = new List<long>();
        var falseIds = new List<long>();
        var targetTrees = new List<long>();
        var targetNodes = new List<long>();
        var targetWeights = new List<float>();
        for (var t = 0; t < Trees; t++)
        {
            var splits = _treeStart[t + 1] - _treeStart[t];
            var leaves = _leafStart[t + 1] - _leafStart[t];
            long Id(int child) => child < 0 ? splits + ~child : child;
            for (var i = 0; i < splits; i++)
            {
                var n = _nodes[_treeStart[t] + i];
                treeIds.Add(t);
                nodeIds.Add(i);
                featureIds.Add(n.Feature);
                modes.Add("BRANCH_LEQ");
                values.Add(n.Threshold);
                trueIds.Add(Id(n.Left));
                falseIds.Add(Id(n.Right));
            }

            for (var c = 0; c < leaves; c++)
            {
                treeIds.Add(t);
                nodeIds.Add(splits + c);
                featureIds.Add(0);
                modes.Add("LEAF");
                values.Add(0f);
                trueIds.Add(0);
                falseIds.Add(0);
                targetTrees.Add(t);
                targetNodes.Add(splits + c);
                targetWeights.Add((float)_leaf[_leafStart[t] + c]);
            }
        }

        return graph.Node("TreeEnsembleRegressor", [input], null, OnnxGraph.MlDomain,
            OnnxGraph.Attr("n_targets", 1L),
            OnnxGraph.Attr("aggregate_function", "SUM"),
            OnnxGraph.Attr("post_transform", "NONE"),
            OnnxGraph.Attr("base_values", [(float)_bias]),
            OnnxGraph.Attr("nodes_treeids", treeIds),
            OnnxGraph.Attr("nodes_nodeids", nodeIds),
            OnnxGraph.Attr("nodes_featureids", featureIds),
            OnnxGraph.Attr("nodes_modes", modes),
            OnnxGraph.Attr("nodes_values", values),
            OnnxGraph.Attr("nodes_truenodeids", trueIds),
            OnnxGraph.Attr("nodes_falsenodeids", falseIds),
            OnnxGraph.Attr("target_treeids", targetTrees),
            OnnxGraph.Attr("target_nodeids", targetNodes),
            OnnxGraph.Attr("target_ids", targetNodes.Select(_ => 0L)),
            OnnxGraph.Attr("target_weights", targetWeights));
    }
}
