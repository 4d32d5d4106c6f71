namespace Recommender.State;

/// <summary>
/// The <c>k</c> highest-scoring ids, best first, kept in reusable buffers. Ties break by the
/// lower id so the list is a pure function of the scores.
/// </summary>
internal sealed class TopList
{
    private readonly int[] _heapIds;
    private readonly float[] _heapScores;
    private readonly int[] _ids;

    public TopList(int k)
    {
        _heapIds = new int[k];
        _heapScores = new float[k];
        _ids = new int[k];
    }

    public int Count { get; private set; }

    public ReadOnlySpan<int> Ids => _ids.AsSpan(0, Count);

    private int _size;

    /// <summary>Starts an incremental rebuild: call <see cref="Offer"/> for each candidate, then <see cref="Complete"/>.</summary>
    public void Begin() => _size = 0;

    public void Offer(int id, float score)
    {
        if (score <= 0f)
        {
            return;
        }

        var k = _heapIds.Length;
        if (_size < k)
        {
            _heapIds[_size] = id;
            _heapScores[_size] = score;
            SiftUp(_size++);
        }
        else if (Better(score, id, _heapScores[0], _heapIds[0]))
        {
            _heapIds[0] = id;
            _heapScores[0] = score;
            SiftDown(0, _size);
        }
    }

    public void Complete()
    {
        var size = _size;
        Count = size;
        for (var i = size - 1; i >= 0; i--)
        {
            _ids[i] = _heapIds[0];
            size--;
            _heapIds[0] = _heapIds[size];
            _heapScores[0] = _heapScores[size];
            SiftDown(0, size);
        }
    }

    /// <summary>Rebuilds the list from <paramref name="scores"/> over ids <c>[0, scores.Length)</c>, skipping ids below <paramref name="firstEligible"/>.</summary>
    public void Rebuild(ReadOnlySpan<float> scores, int firstEligible = 0)
    {
        Begin();
        for (var id = firstEligible; id < scores.Length; id++)
        {
            Offer(id, scores[id]);
        }

        Complete();
    }

    private static bool Better(float s1, int id1, float s2, int id2) => s1 > s2 || (s1 == s2 && id1 < id2);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Better(_heapScores[parent], _heapIds[parent], _heapScores[i], _heapIds[i]))
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i, int size)
    {
        while (true)
        {
            var l = 2 * i + 1;
            if (l >= size)
            {
                return;
            }

            var worst = l;
            var r = l + 1;
            if (r < size && Better(_heapScores[l], _heapIds[l], _heapScores[r], _heapIds[r]))
            {
                worst = r;
            }

            if (!Better(_heapScores[i], _heapIds[i], _heapScores[worst], _heapIds[worst]))
            {
                return;
            }

            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_heapIds[a], _heapIds[b]) = (_heapIds[b], _heapIds[a]);
        (_heapScores[a], _heapScores[b]) = (_heapScores[b], _heapScores[a]);
    }
}
