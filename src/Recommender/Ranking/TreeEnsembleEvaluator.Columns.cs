using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Recommender.Ranking;

/// <summary>The column-major path: eight rows per vector, exit leaves found by leaf bit masks.</summary>
internal sealed partial class TreeEnsembleEvaluator
{
    // Every node of a tree is tested on eight rows at once with vector compares, and the leaf
    // each row exits by is found without walking (QuickScorer, Lucchese et al., SIGIR 2015).
    // Leaves are numbered left to right; a row starts with every leaf possible, and each node
    // whose test sends the row right rules out the leaves of its left subtree. The row's exit
    // leaf is the leftmost one left: the nodes on its path never rule it out, and any leaf left
    // of it is ruled out by the node where the two paths part. So a row ends in the same leaf as
    // the walk and the sum is the same.
    private const int Lanes = 8;

    // The nodes split into tests on shared features and tests on row features, for the last
    // shared set asked for (serving always asks for the same one). Built whole and swapped in;
    // two threads building at once build the same plan.
    private ColumnPlan? _plan;

    // Each tree's starting leaf bits for the current call, per thread.
    [ThreadStatic]
    private static int[]? _starts;

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
}
