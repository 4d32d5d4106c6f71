using Simulator.Reporting.Statistics;

namespace Simulator.Reporting.Tests;

public sealed class MetricSummaryTests
{
    [Fact]
    public void Should_MatchHandComputedInterval_When_ThreeValues()
    {
        // Given 1, 2, 3: mean 2, sd 1, se 1/√3, t(0.975, 2 dof) = 4.302653
        var s = MetricSummary.Of([1.0, 2.0, 3.0]);

        Assert.Equal(2.0, s.Mean, 12);
        Assert.Equal(1.0, s.StdDev, 12);
        Assert.Equal(1 / Math.Sqrt(3), s.StdError, 12);
        Assert.Equal(2 - 4.302653 / Math.Sqrt(3), s.Ci95Low, 5);
        Assert.Equal(2 + 4.302653 / Math.Sqrt(3), s.Ci95High, 5);
        Assert.Equal(3, s.N);
    }

    [Fact]
    public void Should_CollapseInterval_When_OneReplication()
    {
        var s = MetricSummary.Of([0.4]);
        Assert.Equal((0.4, 0.4, 0.4), (s.Mean, s.Ci95Low, s.Ci95High));
    }
}
