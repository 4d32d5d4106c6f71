using Microsoft.ML.Trainers.FastTree;

namespace Recommender.Ranking;

/// <summary>
/// A trained FastTree ensemble read out of ML.NET into flat arrays and evaluated without ML.NET:
/// no IDataView, no allocation per call. A test proves it equal to ML.NET's own predictions.
/// Numerical splits only (the features are numbers): at node i go left when
/// feature[split[i]] ≤ threshold[i]; a negative child ~c is leaf c.
/// </summary>
internal sealed class TreeEnsembleEvaluator
{
    // Nodes of all trees packed one after another (16 B each, so a path stays in a few cache
    // lines); leaves hold weight × value, so the sum is the same double arithmetic as ML.NET's.
    // A branch-free walk of fixed depth per tree was tried and was twice as slow: FastTree grows
    // trees leaf-wise, so the deepest path is about twice the average one.
    private readonly Node[] _nodes;
    private readonly int[] _treeStart;
    private readonly int[] _leafStart;
    private readonly double[] _leaf;
    private readonly double _bias;

    private TreeEnsembleEvaluator(Node[] nodes, int[] treeStart, int[] leafStart, double[] leaf, double bias)
    {
        _nodes = nodes;
        _treeStart = treeStart;
        _leafStart = leafStart;
        _leaf = leaf;
        _bias = bias;
    }

    public int Trees => _treeStart.Length - 1;

    public static TreeEnsembleEvaluator From(TreeEnsemble<RegressionTree> ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var trees = ensemble.Trees;
        var weights = ensemble.TreeWeights;
        var treeStart = new int[trees.Count + 1];
        var leafStart = new int[trees.Count + 1];
        for (var t = 0; t < trees.Count; t++)
        {
            treeStart[t + 1] = treeStart[t] + trees[t].NumberOfNodes;
            leafStart[t + 1] = leafStart[t] + trees[t].NumberOfLeaves;
        }

        var nodes = new Node[treeStart[^1]];
        var leaf = new double[leafStart[^1]];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            for (var i = 0; i < tree.NumberOfNodes; i++)
            {
                if (tree.CategoricalSplitFlags[i])
                {
                    throw new NotSupportedException("Categorical splits are not used by the ranking features.");
                }

                nodes[treeStart[t] + i] = new Node(tree.NumericalSplitFeatureIndexes[i], tree.NumericalSplitThresholds[i], tree.LeftChild[i], tree.RightChild[i]);
            }

            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                leaf[leafStart[t] + l] = weights[t] * tree.LeafValues[l];
            }
        }

        return new TreeEnsembleEvaluator(nodes, treeStart, leafStart, leaf, ensemble.Bias);
    }

    /// <summary>The ensemble's raw output (sum of weighted tree outputs plus bias).</summary>
    public double Evaluate(ReadOnlySpan<float> features)
    {
        var sum = _bias;
        var nodes = _nodes;
        var leaves = _leaf;
        var trees = _treeStart.Length - 1;
        for (var t = 0; t < trees; t++)
        {
            var baseNode = _treeStart[t];
            if (_treeStart[t + 1] == baseNode)
            {
                // A single-leaf tree has no nodes.
                sum += leaves[_leafStart[t]];
                continue;
            }

            var node = 0;
            do
            {
                ref readonly var n = ref nodes[baseNode + node];
                node = features[n.Feature] <= n.Threshold ? n.Left : n.Right;
            }
            while (node >= 0);

            sum += leaves[_leafStart[t] + ~node];
        }

        return sum;
    }

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
