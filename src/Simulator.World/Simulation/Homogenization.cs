using Simulator.Engine.Random;

namespace Simulator.World.Simulation;

/// <summary>
/// How alike what users consume becomes (the homogenisation of feedback-loop studies: Chaney,
/// Stewart and Engelhardt, RecSys 2018, "How algorithmic confounding in recommendation systems
/// increases homogeneity"): the mean Jaccard similarity of the sets of videos two users watched
/// over the reported days, over every pair of a fixed sample of users. Each sampled user's set
/// is kept as a bottom-k sketch (the k smallest hashes of the videos watched; Broder 1997), so the
/// memory is k values per sampled user whatever the run's length, and the Jaccard index of a
/// pair is estimated from the k smallest hashes of the union (standard error about
/// √(J(1 − J)/k) per pair, far less for the mean over many pairs).
/// </summary>
public sealed class Homogenization
{
    /// <summary>Users sampled (all of them in a smaller world): 1,000 users make 499,500 pairs.</summary>
    public const int SampleSize = 1000;

    /// <summary>Hashes kept per sampled user.</summary>
    public const int SketchSize = 128;

    // Hash key of the video-id hash (a fixed key: the same video hashes alike in every run and arm).
    private const ulong HashKey = 0x4A_CC_A2_D0UL;

    private readonly int _stride;
    private readonly ulong[] _sketch;
    private readonly int[] _filled;

    public Homogenization(int users)
    {
        // Every stride-th user, so the sample spreads over the table whatever its size.
        _stride = Math.Max(1, (users + SampleSize - 1) / SampleSize);
        Sampled = (users + _stride - 1) / _stride;
        _sketch = new ulong[Sampled * SketchSize];
        _filled = new int[Sampled];
    }

    /// <summary>Users in the sample.</summary>
    public int Sampled { get; }

    /// <summary>Records that <paramref name="user"/> watched <paramref name="video"/> (sequential phases only).</summary>
    public void Watched(int user, int video)
    {
        if (user % _stride != 0)
        {
            return;
        }

        var s = user / _stride;
        var row = _sketch.AsSpan(s * SketchSize, SketchSize);
        var n = _filled[s];
        var h = CounterRng.Draw(HashKey, (ulong)video, 0, 0);
        // The row holds the n smallest distinct hashes so far, ascending.
        if (n == SketchSize && h >= row[n - 1])
        {
            return;
        }

        var i = row[..n].BinarySearch(h);
        if (i >= 0)
        {
            return; // seen before
        }

        i = ~i;
        var last = Math.Min(n, SketchSize - 1);
        row[i..last].CopyTo(row[(i + 1)..(last + 1)]);
        row[i] = h;
        _filled[s] = Math.Min(n + 1, SketchSize);
    }

    /// <summary>Mean Jaccard similarity over every pair of sampled users who watched anything; NaN with fewer than two.</summary>
    public double MeanJaccard()
    {
        double sum = 0;
        long pairs = 0;
        for (var a = 0; a < Sampled; a++)
        {
            if (_filled[a] == 0)
            {
                continue;
            }

            for (var b = a + 1; b < Sampled; b++)
            {
                if (_filled[b] > 0)
                {
                    sum += Jaccard(a, b);
                    pairs++;
                }
            }
        }

        return pairs == 0 ? double.NaN : sum / pairs;
    }

    // Of the k smallest hashes of the union, the share found in both sketches.
    private double Jaccard(int a, int b)
    {
        var x = _sketch.AsSpan(a * SketchSize, _filled[a]);
        var y = _sketch.AsSpan(b * SketchSize, _filled[b]);
        int i = 0, j = 0, taken = 0, both = 0;
        while (taken < SketchSize && (i < x.Length || j < y.Length))
        {
            if (j >= y.Length || (i < x.Length && x[i] < y[j]))
            {
                i++;
            }
            else if (i >= x.Length || y[j] < x[i])
            {
                j++;
            }
            else
            {
                both++;
                i++;
                j++;
            }

            taken++;
        }

        return taken == 0 ? 0 : (double)both / taken;
    }
}
