using Microsoft.ML.Trainers.FastTree;

namespace Recommender.Ranking;

/// <summary>
/// A trained FastTree ensemble read out of ML.NET into flat arrays and evaluated without ML.NET:
/// no IDataView, no allocation per call. A test proves it equal to ML.NET's own predictions.
/// Numerical splits only (the features are numbers): at node i go left when
/// feature[split[i]] ≤ threshold[i]; a negative child ~c is leaf c.
/// </summary>
/// <remarks>Rows are walked tree by tree (<c>.Rows.cs</c>), or scored eight at a time from a column-major batch (<c>.Columns.cs</c>).</remarks>
internal sealed partial class TreeEnsembleEvaluator
{
    // Nodes of all trees packed one after another (16 B each, so a path stays in a few cache
    // lines); leaves hold weight × value, so every row's sum is the same double arithmetic as
    // ML.NET's. The row walk is bound by its chain of dependent loads, not by branches: fixed-depth
    // branch-free walks and index-picked children measured slower (results/benchmarks/README.md).
    private readonly Node[] _nodes;
    private readonly int[] _treeStart;
    private readonly int[] _leafStart;
    private readonly double[] _leaf;
    private readonly double _bias;

    // Whether every child node has a higher index than its parent (FastTree appends the node it
    // creates when it splits a leaf), which lets one backward pass resolve the shared splits.
    private readonly bool _childrenFollowParents;

    /// <summary>Most leaves a tree may have for the column layout (one bit per leaf in an int).</summary>
    public const int MaxColumnLeaves = 32;

    // Per node: the leaf bits that stay possible when the row goes right (every bit but those of
    // the left subtree's leaves).
    private readonly int[] _keepRight;

    // Per tree, its leaves left to right (weight × value), padded to 8, 16 or 32 entries.
    private readonly double[] _ordered;
    private readonly int[] _orderedStart;
    private readonly int _maxFeature;

    // Whether every tree fits the column layout (at most 32 leaves).
    private readonly bool _columns;

    private TreeEnsembleEvaluator(Node[] nodes, int[] treeStart, int[] leafStart, double[] leaf, double bias)
    {
        _nodes = nodes;
        _treeStart = treeStart;
        _leafStart = leafStart;
        _leaf = leaf;
        _bias = bias;
        (_keepRight, _ordered, _orderedStart, _columns) = OrderLeaves(nodes, treeStart, leafStart, leaf);
        _maxFeature = nodes.Length == 0 ? 0 : nodes.Max(n => n.Feature);
        _childrenFollowParents = true;
        for (var t = 0; t + 1 < treeStart.Length; t++)
        {
            for (var i = treeStart[t]; i < treeStart[t + 1]; i++)
            {
                var local = i - treeStart[t];
                if ((nodes[i].Left >= 0 && nodes[i].Left <= local) || (nodes[i].Right >= 0 && nodes[i].Right <= local))
                {
                    _childrenFollowParents = false;
                }
            }
        }
    }

    public int Trees => _treeStart.Length - 1;

    /// <summary>Whether <see cref="EvaluateMany(ReadOnlySpan{float}, int, Span{double}, ulong)"/> can resolve shared splits (children follow parents).</summary>
    public bool ResolvesSharedSplits => _childrenFollowParents;

    /// <summary>Split nodes on the features flagged in <paramref name="features"/> (one bit per feature index).</summary>
    public int Splits(ulong features)
    {
        var count = 0;
        foreach (var n in _nodes)
        {
            count += n.Feature < 64 && ((features >> n.Feature) & 1) != 0 ? 1 : 0;
        }

        return count;
    }

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
        Span<double> one = stackalloc double[1];
        EvaluateMany(features, features.Length, one);
        return one[0];
    }

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}

