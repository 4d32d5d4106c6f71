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
    //
    // What did pay (sixth session): resolving, once per call, the splits on features that every
    // row of the call shares (the user's and the request's own features), so that each row walks
    // only the splits on features of its own. Counted over a 10,000-user ranked day, 51 % of the
    // nodes a walk visits split on such shared features (user_log_impressions alone is on half
    // the walks), and a tree whose every path is decided by them becomes one number for the call.
    private readonly Node[] _nodes;
    private readonly int[] _treeStart;
    private readonly int[] _leafStart;
    private readonly double[] _leaf;
    private readonly double _bias;

    // Whether every child node has a higher index than its parent (FastTree appends the node it
    // creates when it splits a leaf), which lets one backward pass resolve the shared splits.
    private readonly bool _childrenFollowParents;

    // One call's tree with the shared splits resolved, per thread: a resolved node keeps its
    // split and points past resolved children; a node on a shared feature becomes a jump
    // (Feature = -1, Left = Right = where the shared value sends it).
    [ThreadStatic]
    private static Node[]? _resolved;

    // Resolve a tree only when the batch has at least this many rows per node of the tree. The
    // resolving pass touches every node once; a walk saves only the shared splits on its path.
    // TreeEnsembleBenchmark (sixth session, 48 rows): with 8-leaf trees (7 nodes) resolving was
    // 7 % faster, with 32-leaf trees (31 nodes) 24 % slower, so 8-leaf trees are resolved and
    // 32-leaf ones are not at the serving batch of 48.
    private const int ResolveRowsPerNode = 4;

    private TreeEnsembleEvaluator(Node[] nodes, int[] treeStart, int[] leafStart, double[] leaf, double bias)
    {
        _nodes = nodes;
        _treeStart = treeStart;
        _leafStart = leafStart;
        _leaf = leaf;
        _bias = bias;
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

    /// <summary>
    /// Raw outputs for rows 0 … <paramref name="output"/>.Length − 1 of a row-major feature matrix
    /// with <paramref name="stride"/> features per row; each equals <see cref="Evaluate"/> of its row.
    /// Tree by tree over all rows, so each tree's nodes stay in L1 while the rows pass through.
    /// </summary>
    public void EvaluateMany(ReadOnlySpan<float> rows, int stride, Span<double> output) =>
        EvaluateMany(rows, stride, output, sharedFeatures: 0);

    /// <summary>
    /// <see cref="EvaluateMany(ReadOnlySpan{float}, int, Span{double})"/> where every row holds the
    /// same value in each feature whose bit is set in <paramref name="sharedFeatures"/> (read from
    /// the first row). Splits on those features are resolved once per tree instead of once per
    /// row; each row still ends in the same leaf and sums its trees in the same order, so the
    /// outputs are bit for bit the same.
    /// </summary>
    public void EvaluateMany(ReadOnlySpan<float> rows, int stride, Span<double> output, ulong sharedFeatures)
    {
        // Without shared features (or a single row) every tree walks every split per row.
        var rowsPerNode = sharedFeatures == 0 || output.Length < 2 || !_childrenFollowParents ? 0 : output.Length;
        output.Fill(_bias);
        var nodes = _nodes;
        var leaves = _leaf;
        Node[] resolved = rowsPerNode == 0 ? []
            : _resolved is { } buffer && buffer.Length >= nodes.Length ? buffer : (_resolved = new Node[Math.Max(nodes.Length, 256)]);
        var shared = rowsPerNode == 0 ? default : rows[..stride];
        var trees = _treeStart.Length - 1;
        for (var t = 0; t < trees; t++)
        {
            var baseNode = _treeStart[t];
            var count = _treeStart[t + 1] - baseNode;
            var firstLeaf = _leafStart[t];
            var walked = nodes;
            var root = count == 0 ? ~0 : 0; // a single-leaf tree has no nodes
            if (count > 0 && count * ResolveRowsPerNode <= rowsPerNode)
            {
                // Backward over the tree, so each node's children are resolved before it is.
                for (var i = count - 1; i >= 0; i--)
                {
                    ref readonly var n = ref nodes[baseNode + i];
                    if (n.Feature < 64 && ((sharedFeatures >> n.Feature) & 1) != 0)
                    {
                        var to = Skip(resolved, baseNode, shared[n.Feature] <= n.Threshold ? n.Left : n.Right);
                        resolved[baseNode + i] = new Node(-1, 0f, to, to);
                    }
                    else
                    {
                        resolved[baseNode + i] = new Node(n.Feature, n.Threshold, Skip(resolved, baseNode, n.Left), Skip(resolved, baseNode, n.Right));
                    }
                }

                walked = resolved;
                root = Skip(resolved, baseNode, 0);
            }

            // Otherwise (no shared features, or a tree large for the batch, where resolving would
            // touch more nodes than the walks save) the rows walk every split.
            if (root < 0)
            {
                // Every row of this call ends in the same leaf.
                var value = leaves[firstLeaf + ~root];
                for (var r = 0; r < output.Length; r++)
                {
                    output[r] += value;
                }

                continue;
            }

            for (var r = 0; r < output.Length; r++)
            {
                var features = rows.Slice(r * stride, stride);
                var node = root;
                do
                {
                    ref readonly var n = ref walked[baseNode + node];
                    node = features[n.Feature] <= n.Threshold ? n.Left : n.Right;
                }
                while (node >= 0);

                output[r] += leaves[firstLeaf + ~node];
            }
        }
    }

    // A child as the walk should see it: a jump node is replaced by where it jumps.
    private static int Skip(Node[] resolved, int baseNode, int child) =>
        child >= 0 && resolved[baseNode + child].Feature < 0 ? resolved[baseNode + child].Left : child;

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
