using Simulator.Engine.Random;

namespace Simulator.Engine.Tests;

public sealed class CounterRngTests
{
    [Fact]
    public void Should_ReturnSameDraw_When_CoordinatesAreEqual()
    {
        // Given two independent calls with the same coordinates
        var a = CounterRng.Draw(42, 7, 3, 100);
        var b = CounterRng.Draw(42, 7, 3, 100);

        // Then they agree, and changing any coordinate changes the draw
        Assert.Equal(a, b);
        Assert.NotEqual(a, CounterRng.Draw(43, 7, 3, 100));
        Assert.NotEqual(a, CounterRng.Draw(42, 8, 3, 100));
        Assert.NotEqual(a, CounterRng.Draw(42, 7, 4, 100));
        Assert.NotEqual(a, CounterRng.Draw(42, 7, 3, 101));
    }

    [Fact]
    public void Should_ResumeStream_When_CursorIsReopenedAtItsCounter()
    {
        // Given a cursor that has drawn a few values
        var first = new RandomCursor(1, 2, 3);
        for (var i = 0; i < 5; i++)
        {
            first.NextDouble();
        }

        // When a new cursor opens at the saved counter
        var resumed = new RandomCursor(1, 2, 3, first.Counter);

        // Then both continue identically
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(first.NextBits(), resumed.NextBits());
        }
    }

    [Fact]
    public void Should_BeUniform_When_ManyDrawsAreTaken()
    {
        // Given 200,000 uniform draws in 10 bins
        var cursor = new RandomCursor(2024, 0, 0);
        var bins = new int[10];
        const int n = 200_000;
        for (var i = 0; i < n; i++)
        {
            bins[(int)(cursor.NextDouble() * 10)]++;
        }

        // Then a chi-square statistic stays below the 0.999 quantile for 9 dof (27.88)
        var expected = n / 10.0;
        var chi = bins.Sum(b => (b - expected) * (b - expected) / expected);
        Assert.True(chi < 27.88, $"chi-square {chi}");
    }

    [Fact]
    public void Should_MatchDistributionMoments_When_SamplingNormalGammaAndPoisson()
    {
        var c = new RandomCursor(5, 5, 5);
        const int n = 50_000;
        double sn = 0, sn2 = 0, sg = 0, sp = 0;
        for (var i = 0; i < n; i++)
        {
            var x = c.Normal();
            sn += x;
            sn2 += x * x;
            sg += c.Gamma(2.5);
            sp += c.Poisson(4.0);
        }

        Assert.InRange(sn / n, -0.03, 0.03);
        Assert.InRange(sn2 / n, 0.96, 1.04);
        Assert.InRange(sg / n, 2.45, 2.55);
        Assert.InRange(sp / n, 3.95, 4.05);
    }

    [Fact]
    public void Should_SumToOne_When_DrawingDirichlet()
    {
        var c = new RandomCursor(9, 9, 9);
        Span<float> result = stackalloc float[6];
        c.Dirichlet([0.2, 0.5, 1, 2, 0.1, 3], result);
        var sum = 0f;
        foreach (var x in result)
        {
            Assert.True(x >= 0);
            sum += x;
        }

        Assert.Equal(1f, sum, 4);
    }
}
