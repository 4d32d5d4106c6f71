using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

    // The column layout (seventh session): every node of a tree is tested on eight rows at once
    // with vector compares, and the leaf each row exits by is found without walking (QuickScorer,
    // Lucchese et al., SIGIR 2015). Leaves are numbered left to right; a row starts with every
    // leaf possible, and each node whose test sends the row right rules out the leaves of its
    // left subtree. The row's exit leaf is the leftmost one left: the nodes on its path never
    // rule it out, and any leaf left of it is ruled out by the node where the two paths part.
    // So a row ends in the same leaf as the walk and the sum is the same.
    private const int Lanes = 8;

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

    // The nodes split into tests on shared features and tests on row features, for the last
    // shared set asked for (serving always asks for the same one). Built whole and swapped in;
    // two threads building at once build the same plan.
    private ColumnPlan? _plan;

    // Each tree's starting leaf bits for the current call, per thread.
    [ThreadStatic]
    private static int[]? _starts;

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

    /// <summary>Whether <see cref="EvaluateColumns(ReadOnlySpan{float}, int, Span{double}, ulong)"/> can score with this ensemble (every tree has at most <see cref="MaxColumnLeaves"/> leaves).</summary>
    public bool EvaluatesColumns => _columns;

    /// <summary>
    /// Raw outputs for the rows of a column-major feature matrix: feature f of row r at
    /// <c>columns[f × columnStride + r]</c>, with <paramref name="columnStride"/> at least
    /// <paramref name="output"/>.Length rounded up to a multiple of 8 (the padding rows are read
    /// and ignored). Every row must hold the same value in the features flagged in
    /// <paramref name="sharedFeatures"/> (read from row 0); their tests are made once per call.
    /// Each output is bit for bit <see cref="Evaluate"/> of its row: the same leaves, summed in
    /// the same order.
    /// </summary>
    public void EvaluateColumns(ReadOnlySpan<float> columns, int columnStride, Span<double> output, ulong sharedFeatures = 0) =>
        EvaluateColumns(columns, columnStride, output, sharedFeatures, Avx512F.IsSupported);

    /// <summary><see cref="EvaluateColumns(ReadOnlySpan{float}, int, Span{double}, ulong)"/>; with <paramref name="avx512"/> false, the portable leaf look-up (tests run both).</summary>
    internal void EvaluateColumns(ReadOnlySpan<float> columns, int columnStride, Span<double> output, ulong sharedFeatures, bool avx512)
    {
        if (!_columns)
        {
            throw new InvalidOperationException($"The column layout takes trees of at most {MaxColumnLeaves} leaves.");
        }

        var n = output.Length;
        if (n == 0)
        {
            return;
        }

        var padded = (n + Lanes - 1) / Lanes * Lanes;
        if (columnStride < padded || columns.Length < (_maxFeature * columnStride) + padded)
        {
            throw new ArgumentException($"{n} rows need a column stride of at least {padded} and {(_maxFeature * columnStride) + padded} values.", nameof(columns));
        }

        // Once per call: the tests on shared features, read from row 0 and folded into each
        // tree's starting leaf bits; the kernels test only the row features.
        var trees = _treeStart.Length - 1;
        var plan = _plan;
        if (plan is null || plan.SharedFeatures != sharedFeatures)
        {
            _plan = plan = new ColumnPlan(this, sharedFeatures);
        }

        var starts = (_starts is { } buffer && buffer.Length >= trees ? buffer : (_starts = new int[Math.Max(trees, 64)])).AsSpan(0, trees);
        var shared = 0;
        for (var t = 0; t < trees; t++)
        {
            var start = -1;
            for (var end = plan.SharedEnds[t]; shared < end; shared++)
            {
                start &= columns[plan.SharedFeatureIndexes[shared] * columnStride] <= plan.SharedThresholds[shared] ? -1 : plan.SharedKeeps[shared];
            }

            starts[t] = start;
        }

        if (avx512 && Avx512F.IsSupported)
        {
            EvaluateColumnsAvx512(columns, columnStride, output, starts, plan);
        }
        else
        {
            EvaluateColumnsPortable(columns, columnStride, output, starts, plan);
        }
    }

    // The leftmost possible leaf of each lane: the index of the lowest set bit, read from the
    // exponent of the bit converted to float (exact for powers of two; bit 31 reads as −2³¹).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Lowest(Vector256<int> bits) =>
        ((Vector256.ConvertToSingle(bits & -bits).AsInt32() >>> 23) & Vector256.Create(0xFF)) - Vector256.Create(127);

    // Each lane's exit leaf of one tree for the eight rows from `row`.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> ExitLeaves(ref float columns, int stride, int row, int start, int end, ColumnPlan plan, ref int node)
    {
        var bits = Vector256.Create(start);
        ref var feature = ref MemoryMarshal.GetArrayDataReference(plan.FeatureIndexes);
        ref var threshold = ref MemoryMarshal.GetArrayDataReference(plan.Thresholds);
        ref var keep = ref MemoryMarshal.GetArrayDataReference(plan.Keeps);
        for (; node < end; node++)
        {
            var x = Vector256.LoadUnsafe(ref columns, (nuint)((Unsafe.Add(ref feature, node) * stride) + row));
            var left = Vector256.LessThanOrEqual(x, Vector256.Create(Unsafe.Add(ref threshold, node))).AsInt32();
            bits &= left | Vector256.Create(Unsafe.Add(ref keep, node));
        }

        return Lowest(bits);
    }

    // The leaf values of one tree for eight lanes' leaf numbers (a table of 8, 16 or 32).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<double> LeafValues(int tree, Vector256<int> leaves)
    {
        var leaf = Avx512F.ConvertToVector512Int64(leaves);
        ref var table = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_ordered), _orderedStart[tree]);
        var size = _orderedStart[tree + 1] - _orderedStart[tree];
        if (size == 8)
        {
            return Avx512F.PermuteVar8x64(Vector512.LoadUnsafe(ref table), leaf);
        }

        var value = Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref table), leaf, Vector512.LoadUnsafe(ref table, 8));
        if (size == 32)
        {
            var upper = Avx512F.PermuteVar8x64x2(Vector512.LoadUnsafe(ref table, 16), leaf, Vector512.LoadUnsafe(ref table, 24));
            value = Vector512.ConditionalSelect(Vector512.Equals(leaf & Vector512.Create(16L), Vector512<long>.Zero).AsDouble(), value, upper);
        }

        return value;
    }

    private void EvaluateColumnsAvx512(ReadOnlySpan<float> columns, int stride, Span<double> output, ReadOnlySpan<int> starts, ColumnPlan plan)
    {
        ref var column = ref MemoryMarshal.GetReference(columns);
        ref var result = ref MemoryMarshal.GetReference(output);
        ref var feature = ref MemoryMarshal.GetArrayDataReference(plan.FeatureIndexes);
        ref var threshold = ref MemoryMarshal.GetArrayDataReference(plan.Thresholds);
        ref var keep = ref MemoryMarshal.GetArrayDataReference(plan.Keeps);
        var ends = plan.Ends;
        var trees = starts.Length;
        var row = 0;

        // Three blocks of eight rows at a time, so each node's threshold and bits are loaded once
        // for 24 rows (the default 48 candidates are two such groups).
        for (; row + (3 * Lanes) <= output.Length; row += 3 * Lanes)
        {
            var sum0 = Vector512.Create(_bias);
            var sum1 = sum0;
            var sum2 = sum0;
            var node = 0;
            for (var t = 0; t < trees; t++)
            {
                var bits0 = Vector256.Create(starts[t]);
                var bits1 = bits0;
                var bits2 = bits0;
                for (var end = ends[t]; node < end; node++)
                {
                    ref var x = ref Unsafe.Add(ref column, (Unsafe.Add(ref feature, node) * stride) + row);
                    var cut = Vector256.Create(Unsafe.Add(ref threshold, node));
                    var right = Vector256.Create(Unsafe.Add(ref keep, node));
                    bits0 &= Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref x), cut).AsInt32() | right;
                    bits1 &= Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref x, Lanes), cut).AsInt32() | right;
                    bits2 &= Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref x, 2 * Lanes), cut).AsInt32() | right;
                }

                sum0 += LeafValues(t, Lowest(bits0));
                sum1 += LeafValues(t, Lowest(bits1));
                sum2 += LeafValues(t, Lowest(bits2));
            }

            sum0.StoreUnsafe(ref result, (nuint)row);
            sum1.StoreUnsafe(ref result, (nuint)(row + Lanes));
            sum2.StoreUnsafe(ref result, (nuint)(row + (2 * Lanes)));
        }

        // The rest eight rows at a time.
        Span<double> lanes = stackalloc double[Lanes];
        for (; row < output.Length; row += Lanes)
        {
            var sum = Vector512.Create(_bias);
            var node = 0;
            for (var t = 0; t < trees; t++)
            {
                sum += LeafValues(t, ExitLeaves(ref column, stride, row, starts[t], ends[t], plan, ref node));
            }

            var count = Math.Min(Lanes, output.Length - row);
            if (count == Lanes)
            {
                sum.StoreUnsafe(ref result, (nuint)row);
            }
            else
            {
                sum.CopyTo(lanes);
                lanes[..count].CopyTo(output[row..]);
            }
        }
    }

    private void EvaluateColumnsPortable(ReadOnlySpan<float> columns, int stride, Span<double> output, ReadOnlySpan<int> starts, ColumnPlan plan)
    {
        var trees = starts.Length;
        ref var column = ref MemoryMarshal.GetReference(columns);
        Span<double> sum = stackalloc double[Lanes];
        Span<int> leaves = stackalloc int[Lanes];
        for (var row = 0; row < output.Length; row += Lanes)
        {
            sum.Fill(_bias);
            var node = 0;
            for (var t = 0; t < trees; t++)
            {
                ExitLeaves(ref column, stride, row, starts[t], plan.Ends[t], plan, ref node).CopyTo(leaves);
                var table = _ordered.AsSpan(_orderedStart[t], _orderedStart[t + 1] - _orderedStart[t]);
                for (var k = 0; k < Lanes; k++)
                {
                    sum[k] += table[leaves[k]];
                }
            }

            var count = Math.Min(Lanes, output.Length - row);
            sum[..count].CopyTo(output[row..]);
        }
    }

    // Leaves numbered left to right per tree, each node's keep-right bits, and the ordered leaf
    // values padded to a table of 8, 16 or 32; the column layout is off if a tree has more.
    private static (int[] KeepRight, double[] Ordered, int[] OrderedStart, bool Columns) OrderLeaves(Node[] nodes, int[] treeStart, int[] leafStart, double[] leaf)
    {
        var trees = treeStart.Length - 1;
        var keepRight = new int[nodes.Length];
        var orderedStart = new int[trees + 1];
        for (var t = 0; t < trees; t++)
        {
            var leaves = leafStart[t + 1] - leafStart[t];
            if (leaves > MaxColumnLeaves)
            {
                return (keepRight, [], orderedStart, false);
            }

            orderedStart[t + 1] = orderedStart[t] + (leaves <= 8 ? 8 : leaves <= 16 ? 16 : 32);
        }

        var ordered = new double[orderedStart[^1]];
        for (var t = 0; t < trees; t++)
        {
            var next = 0;
            if (treeStart[t + 1] == treeStart[t])
            {
                ordered[orderedStart[t]] = leaf[leafStart[t]]; // a single leaf
                continue;
            }

            Number(0);

            // Leaves of node's subtree get consecutive numbers; returns nothing, sets the bits.
            void Number(int child)
            {
                if (child < 0)
                {
                    ordered[orderedStart[t] + next++] = leaf[leafStart[t] + ~child];
                    return;
                }

                var first = next;
                Number(nodes[treeStart[t] + child].Left);
                var leftLeaves = next - first;
                var leftBits = leftLeaves == 32 ? -1 : ((1 << leftLeaves) - 1) << first;
                keepRight[treeStart[t] + child] = ~leftBits;
                Number(nodes[treeStart[t] + child].Right);
            }
        }

        return (keepRight, ordered, orderedStart, true);
    }

    // The ensemble's nodes for one shared set: the tests on shared features
    // (feature, threshold, keep-right bits) and the tests on row features (feature, threshold,
    // keep-right bits), each list in tree order with each tree's end in it. Independent of the
    // batch's size and stride, so serving builds it once per model.
    private sealed class ColumnPlan
    {
        public ColumnPlan(TreeEnsembleEvaluator e, ulong sharedFeatures)
        {
            SharedFeatures = sharedFeatures;
            var trees = e._treeStart.Length - 1;
            var isShared = e._nodes.Select(n => n.Feature < 64 && ((sharedFeatures >> n.Feature) & 1) != 0).ToArray();
            var sharedCount = isShared.Count(x => x);
            SharedFeatureIndexes = new int[sharedCount];
            SharedThresholds = new float[sharedCount];
            SharedKeeps = new int[sharedCount];
            SharedEnds = new int[trees];
            FeatureIndexes = new int[e._nodes.Length - sharedCount];
            Thresholds = new float[FeatureIndexes.Length];
            Keeps = new int[FeatureIndexes.Length];
            Ends = new int[trees];
            int shared = 0, own = 0;
            for (var t = 0; t < trees; t++)
            {
                for (var i = e._treeStart[t]; i < e._treeStart[t + 1]; i++)
                {
                    var node = e._nodes[i];
                    if (isShared[i])
                    {
                        (SharedFeatureIndexes[shared], SharedThresholds[shared], SharedKeeps[shared]) = (node.Feature, node.Threshold, e._keepRight[i]);
                        shared++;
                    }
                    else
                    {
                        (FeatureIndexes[own], Thresholds[own], Keeps[own]) = (node.Feature, node.Threshold, e._keepRight[i]);
                        own++;
                    }
                }

                SharedEnds[t] = shared;
                Ends[t] = own;
            }
        }

        public ulong SharedFeatures { get; }

        public int[] SharedFeatureIndexes { get; }

        public float[] SharedThresholds { get; }

        public int[] SharedKeeps { get; }

        public int[] SharedEnds { get; }

        public int[] FeatureIndexes { get; }

        public float[] Thresholds { get; }

        public int[] Keeps { get; }

        public int[] Ends { get; }
    }

    // A child as the walk should see it: a jump node is replaced by where it jumps.
    private static int Skip(Node[] resolved, int baseNode, int child) =>
        child >= 0 && resolved[baseNode + child].Feature < 0 ? resolved[baseNode + child].Left : child;

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
