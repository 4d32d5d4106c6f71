namespace Recommender.Ranking;

/// <summary>The row-major path: each row walks each tree, with the splits every row shares resolved once per call.</summary>
internal sealed partial class TreeEnsembleEvaluator
{
    // One call's tree with the shared splits resolved, per thread: a resolved node keeps its
    // split and points past resolved children; a node on a shared feature becomes a jump
    // (Feature = -1, Left = Right = where the shared value sends it). Resolving, once per call,
    // the splits on features every row shares (the user's and the request's own) pays because
    // about half the nodes a walk visits split on them (results/benchmarks/README.md).
    [ThreadStatic]
    private static Node[]? _resolved;

    // Resolve a tree only when the batch has at least this many rows per node of the tree. The
    // resolving pass touches every node once; a walk saves only the shared splits on its path:
    // at the serving batch of 48 rows, 8-leaf trees gain from resolving and 32-leaf ones lose
    // (TreeEnsembleBenchmark).
    private const int ResolveRowsPerNode = 4;


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

    // Where a walk goes from a resolved child: past it when it is a jump.
    private static int Skip(Node[] resolved, int baseNode, int child) =>
        child >= 0 && resolved[baseNode + child].Feature < 0 ? resolved[baseNode + child].Left : child;
}
