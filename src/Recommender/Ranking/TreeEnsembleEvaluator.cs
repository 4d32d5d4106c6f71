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
    private readonly int[] _treeStart;
    private readonly int[] _leafStart;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly int[] _feature;
    private readonly float[] _threshold;
    private readonly double[] _leaf;
    private readonly double[] _weight;
    private readonly double _bias;

    private TreeEnsembleEvaluator(int[] treeStart, int[] leafStart, int[] left, int[] right, int[] feature, float[] threshold, double[] leaf, double[] weight, double bias)
    {
        _treeStart = treeStart;
        _leafStart = leafStart;
        _left = left;
        _right = right;
        _feature = feature;
        _threshold = threshold;
        _leaf = leaf;
        _weight = weight;
        _bias = bias;
    }

    public int Trees => _weight.Length;

    public static TreeEnsembleEvaluator From(TreeEnsemble<RegressionTree> ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var trees = ensemble.Trees;
        var treeStart = new int[trees.Count + 1];
        var leafStart = new int[trees.Count + 1];
        for (var t = 0; t < trees.Count; t++)
        {
            treeStart[t + 1] = treeStart[t] + trees[t].NumberOfNodes;
            leafStart[t + 1] = leafStart[t] + trees[t].NumberOfLeaves;
        }

        var left = new int[treeStart[^1]];
        var right = new int[treeStart[^1]];
        var feature = new int[treeStart[^1]];
        var threshold = new float[treeStart[^1]];
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

                left[treeStart[t] + i] = tree.LeftChild[i];
                right[treeStart[t] + i] = tree.RightChild[i];
                feature[treeStart[t] + i] = tree.NumericalSplitFeatureIndexes[i];
                threshold[treeStart[t] + i] = tree.NumericalSplitThresholds[i];
            }

            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                leaf[leafStart[t] + l] = tree.LeafValues[l];
            }
        }

        return new TreeEnsembleEvaluator(treeStart, leafStart, left, right, feature, threshold, leaf, ensemble.TreeWeights.ToArray(), ensemble.Bias);
    }

    /// <summary>The ensemble's raw output (sum of weighted tree outputs plus bias).</summary>
    public double Evaluate(ReadOnlySpan<float> features)
    {
        var sum = _bias;
        for (var t = 0; t < _weight.Length; t++)
        {
            var baseNode = _treeStart[t];
            if (_treeStart[t + 1] == baseNode)
            {
                // A single-leaf tree has no nodes.
                sum += _weight[t] * _leaf[_leafStart[t]];
                continue;
            }

            var node = 0;
            while (node >= 0)
            {
                var i = baseNode + node;
                node = features[_feature[i]] <= _threshold[i] ? _left[i] : _right[i];
            }

            sum += _weight[t] * _leaf[_leafStart[t] + ~node];
        }

        return sum;
    }
}
