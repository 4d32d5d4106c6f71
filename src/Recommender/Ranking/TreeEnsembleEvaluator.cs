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
    // lines); leaves hold weight × value, so every row's sum is the same double arithmetic as
    // ML.NET's. Tried and dropped: branch-free walks of fixed depth (four rows interleaved) ran
    // about 1.6× slower, because FastTree grows trees leaf-wise and the deepest path of a tree
    // is about twice its average path. Also tried (fifth session): no bounds checks plus the
    // child picked by index (Unsafe.Add(ref left, x > threshold)) instead of a branch: 5.9 vs
    // 5.8 µs for 20 trees of 8 leaves over 48 rows, 1.5× slower at 32 leaves (BenchmarkDotNet
    // short job) — the walk is bound by its chain of dependent loads, not by branches.
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
        Span<double> one = stackalloc double[1];
        EvaluateMany(features, features.Length, one);
        return one[0];
    }

    /// <summary>
    /// Raw outputs for rows 0 … <paramref name="output"/>.Length − 1 of a row-major feature matrix
    /// with <paramref name="stride"/> features per row; each equals <see cref="Evaluate"/> of its row.
    /// Tree by tree over all rows, so each tree's nodes stay in L1 while the rows pass through.
    /// </summary>
    public void EvaluateMany(ReadOnlySpan<float> rows, int stride, Span<double> output)
    {
        output.Fill(_bias);
        var nodes = _nodes;
        var leaves = _leaf;
        var trees = _treeStart.Length - 1;
        for (var t = 0; t < trees; t++)
        {
            var baseNode = _treeStart[t];
            var firstLeaf = _leafStart[t];
            if (_treeStart[t + 1] == baseNode)
            {
                // A single-leaf tree has no nodes.
                for (var r = 0; r < output.Length; r++)
                {
                    output[r] += leaves[firstLeaf];
                }

                continue;
            }

            for (var r = 0; r < output.Length; r++)
            {
                var features = rows.Slice(r * stride, stride);
                var node = 0;
                do
                {
                    ref readonly var n = ref nodes[baseNode + node];
                    node = features[n.Feature] <= n.Threshold ? n.Left : n.Right;
                }
                while (node >= 0);

                output[r] += leaves[firstLeaf + ~node];
            }
        }
    }

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
