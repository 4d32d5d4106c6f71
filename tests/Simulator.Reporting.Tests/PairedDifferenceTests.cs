using Simulator.Reporting.Compare;
using Simulator.Reporting.Statistics;
using Simulator.Scenarios.Model;

namespace Simulator.Reporting.Tests;

public sealed class PairedDifferenceTests
{
    [Fact]
    public void Should_MatchHandComputedPairedTest_When_ThreeReplications()
    {
        // Given baseline 10, 20, 30 and variant 11, 23, 32: differences 1, 3, 2
        var d = PairedDifference.Of([10, 20, 30], [11, 23, 32]);

        // Mean diff 2, sd 1, se 1/√3; t(0.975, 2) = 4.302653
        Assert.Equal(2.0, d.Diff, 12);
        var half = 4.302652729911275 / Math.Sqrt(3);
        Assert.Equal(2.0 - half, d.DiffCi95Low, 9);
        Assert.Equal(2.0 + half, d.DiffCi95High, 9);
        // t = 2 / (1/√3) = 3.4641; two-sided p with 2 df = 0.07418
        Assert.Equal(0.0741799, d.PValue, 5);
        // Relative changes 10 %, 15 %, 6.667 %: mean 10.5556 %
        Assert.Equal((10.0 + 15.0 + (200.0 / 30)) / 3, d.RelPct, 9);
        Assert.Equal(20.0, d.BaselineMean, 12);
        Assert.Equal(22.0, d.VariantMean, 12);
    }

    [Fact]
    public void Should_LeaveIntervalUndefined_When_OneReplication()
    {
        var d = PairedDifference.Of([4], [3]);
        Assert.Equal(-1.0, d.Diff, 12);
        Assert.Equal(-25.0, d.RelPct, 12);
        Assert.True(double.IsNaN(d.DiffCi95Low));
        Assert.True(double.IsNaN(d.PValue));
    }

    [Fact]
    public void Should_ReportNoChange_When_ArmsAreIdentical()
    {
        var d = PairedDifference.Of([1, 2, 3], [1, 2, 3]);
        Assert.Equal(0.0, d.Diff);
        Assert.Equal(1.0, d.PValue);
        Assert.Equal(0.0, d.RelPctCi95Low);
    }

    [Theory]
    [InlineData(-0.5, -0.8, -0.2, GuardrailVerdict.Pass)]
    [InlineData(-0.5, -1.5, 0.5, GuardrailVerdict.Inconclusive)]
    [InlineData(-1.2, -1.6, -0.8, GuardrailVerdict.Fail)]
    [InlineData(3.0, 1.0, 5.0, GuardrailVerdict.Pass)]
    public void Should_JudgeDropGuardrail_When_ChangeAndIntervalVary(double rel, double low, double high, GuardrailVerdict expected)
    {
        var g = new Guardrail { Metric = "stickiness.retention_d7", MaxDropPct = 1.0 };
        var r = GuardrailResult.Judge("v", g, Diff(rel, low, high));
        Assert.Equal(expected, r.Verdict);
        Assert.Equal(expected == GuardrailVerdict.Fail, r.Violates(strict: false));
        Assert.Equal(expected is GuardrailVerdict.Fail or GuardrailVerdict.Inconclusive, r.Violates(strict: true));
    }

    [Fact]
    public void Should_JudgeRiseGuardrail_When_MetricWhereUpIsBad()
    {
        var g = new Guardrail { Metric = "fatigue.boredom_exit_share", MaxRisePct = 5.0 };
        Assert.Equal(GuardrailVerdict.Fail, GuardrailResult.Judge("v", g, Diff(6, 5.5, 6.5)).Verdict);
        Assert.Equal(GuardrailVerdict.Pass, GuardrailResult.Judge("v", g, Diff(-6, -7, -5)).Verdict);
        Assert.Equal(GuardrailVerdict.NotMeasured, GuardrailResult.Judge("v", g, null).Verdict);
        Assert.True(GuardrailResult.Judge("v", g, null).Violates(strict: false));
    }

    private static PairedDifference Diff(double rel, double low, double high) => new()
    {
        N = 5, BaselineMean = 1, VariantMean = 1 + (rel / 100), Diff = rel / 100, DiffCi95Low = low / 100, DiffCi95High = high / 100,
        RelPct = rel, RelPctCi95Low = low, RelPctCi95High = high, PValue = 0.5,
    };
}
