namespace Recommender.Ranking;

internal sealed partial class TreeEnsembleEvaluator
{
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
}
