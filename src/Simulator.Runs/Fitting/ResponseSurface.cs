using MathNet.Numerics.LinearAlgebra;

namespace Simulator.Runs.Fitting;

/// <summary>
/// A quadratic response surface of one metric over the unit cube (response-surface methodology,
/// Box &amp; Wilson 1951), fitted by weighted ridge least squares: intercept, linear and squared
/// terms, and the cross terms once there are 1.5 points per coefficient. The weights make it a
/// local fit around the current best point (a trust region); the ridge term (1e-4 per point on
/// every non-intercept coefficient) keeps it solvable with fewer points than coefficients.
/// Fitting a metric rather than the loss keeps the loss's known shape exact, and regression
/// averages out the replication noise that a single evaluation carries.
/// </summary>
internal sealed class ResponseSurface
{
    private readonly double[] _beta;
    private readonly int _dimensions;
    private readonly bool _interactions;

    private ResponseSurface(double[] beta, int dimensions, bool interactions)
    {
        _beta = beta;
        _dimensions = dimensions;
        _interactions = interactions;
    }

    public static int Coefficients(int dimensions, bool interactions) =>
        1 + 2 * dimensions + (interactions ? dimensions * (dimensions - 1) / 2 : 0);

    /// <summary>Fits over the points whose value is finite; null if fewer than two are.</summary>
    public static ResponseSurface? Fit(IReadOnlyList<double[]> points, IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        var rows = Enumerable.Range(0, points.Count).Where(k => double.IsFinite(values[k])).ToList();
        if (rows.Count < 2)
        {
            return null;
        }

        var d = points[0].Length;
        var interactions = rows.Count >= 1.5 * Coefficients(d, true);
        var p = Coefficients(d, interactions);
        var x = Matrix<double>.Build.Dense(rows.Count, p);
        var y = Vector<double>.Build.Dense(rows.Count);
        var w = Vector<double>.Build.Dense(rows.Count);
        var features = new double[p];
        for (var r = 0; r < rows.Count; r++)
        {
            Features(points[rows[r]], interactions, features);
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
        return new ResponseSurface(beta.ToArray(), d, interactions);
    }

    public double Predict(ReadOnlySpan<double> u)
    {
        Span<double> features = stackalloc double[_beta.Length];
        Features(u, _interactions, features);
        double sum = 0;
        for (var j = 0; j < _beta.Length; j++)
        {
            sum += _beta[j] * features[j];
        }

        return sum;
    }

    public int Dimensions => _dimensions;

    // Centred coordinates, so the intercept is the value at the box's middle.
    private static void Features(ReadOnlySpan<double> u, bool interactions, Span<double> f)
    {
        var d = u.Length;
        f[0] = 1;
        var j = 1;
        for (var i = 0; i < d; i++)
        {
            var c = u[i] - 0.5;
            f[j++] = c;
            f[j++] = c * c;
        }

        if (!interactions)
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
