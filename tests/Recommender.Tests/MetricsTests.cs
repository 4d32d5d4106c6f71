using Recommender.Evaluation;

namespace Recommender.Tests;

public sealed class MetricsTests
{
    [Fact]
    public void Should_MatchHandComputedAuc_When_ScoresHaveTies()
    {
        // Positives score 0.9 and 0.4, negatives 0.4 and 0.1: pairs (0.9>0.4 ✓, 0.9>0.1 ✓, 0.4=0.4 ½, 0.4>0.1 ✓) → 3.5 / 4
        Assert.Equal(0.875, Metrics.Auc([0.9, 0.4, 0.4, 0.1], [true, true, false, false]), 12);
        Assert.Equal(1.0, Metrics.Auc([0.9, 0.8, 0.1], [true, true, false]), 12);
        Assert.Equal(0.0, Metrics.Auc([0.1, 0.9], [true, false]), 12);
        Assert.True(double.IsNaN(Metrics.Auc([0.3, 0.4], [true, true])));
    }

    [Fact]
    public void Should_MatchHandComputedNdcg_When_OrderIsImperfect()
    {
        // Gains 0, 1, 2 scored so the order is (gain 1, gain 0, gain 2):
        // DCG@3 = (2¹−1)/log2 2 + 0 + (2²−1)/log2 4 = 1 + 1.5 = 2.5
        // IDCG@3 = 3/1 + 1/log2 3 + 0 = 3.6309298
        var expected = 2.5 / (3 + (1 / Math.Log2(3)));
        Assert.Equal(expected, Metrics.NdcgAtK([0.9, 0.5, 0.1], [1, 0, 2], 3), 12);
        // A perfect order scores 1; k = 1 looks at the first item only: 1 / 3
        Assert.Equal(1.0, Metrics.NdcgAtK([0.1, 0.5, 0.9], [0, 1, 2], 3), 12);
        Assert.Equal(1.0 / 3.0, Metrics.NdcgAtK([0.9, 0.5, 0.1], [1, 0, 2], 1), 12);
    }
}
