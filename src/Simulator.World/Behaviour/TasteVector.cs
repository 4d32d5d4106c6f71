using System.Runtime.CompilerServices;
using Simulator.Engine.Random;

namespace Simulator.World.Behaviour;

/// <summary>
/// A unit taste vector z of <see cref="Dims"/> components (DESIGN.md §4: "a taste vector z
/// (D≈16) for fine-grained match"), stored as signed bytes scaled by 127 so a user costs 16 B.
/// Users, creators' styles, videos and hashtags each have one; the platform never sees them.
/// </summary>
[InlineArray(Dims)]
public struct TasteVector
{
    /// <summary>Components per vector.</summary>
    public const int Dims = 16;

    /// <summary>Scale of the stored components: a stored 127 is 1.0.</summary>
    public const float Scale = 127f;

    private sbyte _element0;

    /// <summary>Cosine of two stored unit vectors, in [−1, 1] up to rounding.</summary>
    public static float Cosine(in TasteVector a, in TasteVector b)
    {
        ReadOnlySpan<sbyte> x = a;
        ReadOnlySpan<sbyte> y = b;
        var sum = 0;
        for (var i = 0; i < Dims; i++)
        {
            sum += x[i] * y[i];
        }

        return sum / (Scale * Scale);
    }

    /// <summary>
    /// A unit vector: <paramref name="pull"/> toward <paramref name="around"/> (itself a unit
    /// vector, or zero) plus an isotropic normal part of weight √(1 − pull²), renormalised. With
    /// a zero <paramref name="around"/> the result is uniform on the sphere.
    /// </summary>
    public static TasteVector Draw(ref RandomCursor rng, in TasteVector around, double pull)
    {
        Span<double> v = stackalloc double[Dims];
        ReadOnlySpan<sbyte> centre = around;
        var noise = Math.Sqrt(Math.Max(0, 1 - (pull * pull)) / Dims);
        double norm = 0;
        for (var i = 0; i < Dims; i++)
        {
            v[i] = (pull * centre[i] / Scale) + (noise * rng.Normal());
            norm += v[i] * v[i];
        }

        norm = Math.Sqrt(norm);
        var result = default(TasteVector);
        Span<sbyte> r = result;
        for (var i = 0; i < Dims; i++)
        {
            r[i] = norm > 0 ? (sbyte)Math.Round(Math.Clamp(Scale * v[i] / norm, -127, 127)) : (sbyte)0;
        }

        return result;
    }
}
