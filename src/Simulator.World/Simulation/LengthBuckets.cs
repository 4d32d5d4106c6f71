using System.Runtime.CompilerServices;

namespace Simulator.World.Simulation;

/// <summary>
/// Per-length-bucket counts, inline in <see cref="DailyTotals"/> so accumulating them allocates
/// nothing. Buckets centre on the lengths of the completion table in CALIBRATION.md §1
/// (7 s, 15 s, 30 s, 60 s, 90 s, 3 min, 10 min); edges sit between them.
/// </summary>
[InlineArray(Count)]
public struct LengthBuckets
{
    public const int Count = 7;

    /// <summary>Nominal length of each bucket, seconds.</summary>
    public static readonly int[] NominalSeconds = [7, 15, 30, 60, 90, 180, 600];

    private static readonly float[] UpperEdges = [11f, 22f, 45f, 75f, 135f, 390f, float.MaxValue];

    private long _element0;

    public static int BucketOf(float lengthSeconds)
    {
        for (var i = 0; i < Count - 1; i++)
        {
            if (lengthSeconds < UpperEdges[i])
            {
                return i;
            }
        }

        return Count - 1;
    }
}
