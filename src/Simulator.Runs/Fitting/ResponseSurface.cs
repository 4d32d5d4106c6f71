using MathNet.Numerics.LinearAlgebra;

namespace Simulator.Runs.Fitting;

/// <summary>
/// A local response surface of one metric over the unit cube (response-surface methodology,
/// Box &amp; Wilson 1951), fitted by weighted ridge least squares. Its order follows the data: a
/// linear model until the weighted points number twice the coefficients of a quadratic one, then
/// linear and squared terms, and the cross terms at twice theirs. Linear models of each residual
/// inside a trust region are what derivative-free least-squares solvers use (DFO-LS: Cartis,
/// Fiala, Marteau &amp; Roberts 2019; POUNDERS): a quadratic fitted to barely more points than
/// it has coefficients extrapolates wildly at the region's corners and sends the search there.
/// The weights make it a local fit around the current best point; the ridge term (1e-4 per point
/// on every non-intercept coefficient) keeps it solvable. Fitting a metric rather than the loss
/// keeps the loss's known shape exact, and regression averages out the replication noise that a
/// single evaluation carries.
/// </summary>
internal sealed class ResponseSurface
{
    private readonly double[] _beta;
    private readonly int _dimensions;
    private readonly int _order;

    private ResponseSurface(double[] beta, int dimensions, int order)
    {
        _beta = beta;
        _dimensions = dimensions;
        _order = order;
    }

    /// <summary>Coefficients of a model of order 1 (linear), 2 (plus squares) or 3 (plus cross terms).</summary>
    public static int Coefficients(int dimensions, int order) =>
        1 + dimensions + (order >= 2 ? dimensions : 0) + (order >= 3 ? dimensions * (dimensions - 1) / 2 : 0);

    /// <summary>The order the weighted points support: twice as many effective points as coefficients.</summary>
    public static int OrderFor(int dimensions, double effectivePoints) =>
        effectivePoints >= 2 * Coefficients(dimensions, 3) ? 3 : effectivePoints >= 2 * Coefficients(dimensions, 2) ? 2 : 1;

    /// <summary>Fits over the points whose value is finite; null if fewer than two are.</summary>
    public static ResponseSurface? Fit(IReadOnlyList<double[]> points, IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        var rows = Enumerable.Range(0, points.Count).Where(k => double.IsFinite(values[k])).ToList();
        if (rows.Count < 2)
        {
            return null;
        }

        var d = points[0].Length;
        double sum = 0, squares = 0;
        foreach (var r in rows)
        {
            sum += weights[r];
            squares += weights[r] * weights[r];
        }

        var order = OrderFor(d, sum * sum / squares); // Kish's effective sample size
        var p = Coefficients(d, order);
        var x = Matrix<double>.Build.Dense(rows.Count, p);
        var y = Vector<double>.Build.Dense(rows.Count);
        var w = Vector<double>.Build.Dense(rows.Count);
        var features = new double[p];
        for (var r = 0; r < rows.Count; r++)
        {
            Features(points[rows[r]], order, features);
            x.SetRow(r, features);
            y[r] = values[rows[r]];
            w[r] = weights[rows[r]];
        }

        var xtw = x.TransposeThisAndMultiply(Matrix<double>.Build.DenseOfDiagonalVector(w));
        var a = xtw * x;
        var ridge = 1e-4 * rows.Count;
        for (var j = 1; j < p; j++)
        {
            a[j, j] += ridge;
        }

        a[0, 0] += 1e-12;
        var beta = a.Cholesky().Solve(xtw * y);
        return new ResponseSurface(beta.ToArray(), d, order);
    }

    public double Predict(ReadOnlySpan<double> u)
    {
        Span<double> features = stackalloc double[_beta.Length];
        Features(u, _order, features);
        double sum = 0;
        for (var j = 0; j < _beta.Length; j++)
        {
            sum += _beta[j] * features[j];
        }

        return sum;
    }

    public int Dimensions => _dimensions;

    // Centred coordinates, so the intercept is the value at the box's middle.
    private static void Features(ReadOnlySpan<double> u, int order, Span<double> f)
    {
        var d = u.Length;
        f[0] = 1;
        var j = 1;
        for (var i = 0; i < d; i++)
        {
            f[j++] = u[i] - 0.5;
        }

        if (order < 2)
        {
            return;
        }

        for (var i = 0; i < d; i++)
        {
            f[j++] = (u[i] - 0.5) * (u[i] - 0.5);
        }

        if (order < 3)
        {
            return;
        }

        for (var a = 0; a < d; a++)
        {
            for (var b = a + 1; b < d; b++)
            {
                f[j++] = (u[a] - 0.5) * (u[b] - 0.5);
            }
        }
    }
}
