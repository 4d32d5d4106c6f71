namespace Recommender.State;

/// <summary>
/// The last <c>memory</c> videos served to each user, as one flat ring buffer per user.
/// Each user's ring is written only while serving that user, so requests for different
/// users may run in parallel.
/// </summary>
internal sealed class ServedHistory
{
    private readonly int _memory;
    private int[] _ring;
    private int[] _pos;

    public ServedHistory(int memory, int users)
    {
        _memory = memory;
        users = Math.Max(users, 1);
        _ring = new int[users * memory];
        _ring.AsSpan().Fill(-1);
        _pos = new int[users];
    }

    public int Memory => _memory;

    public void EnsureUsers(int users)
    {
        if (users <= _pos.Length)
        {
            return;
        }

        var n = Math.Max(users, _pos.Length * 2);
        var old = _ring.Length;
        Array.Resize(ref _ring, n * _memory);
        _ring.AsSpan(old).Fill(-1);
        Array.Resize(ref _pos, n);
    }

    public bool Contains(int user, int video) => _ring.AsSpan(user * _memory, _memory).Contains(video);

    /// <summary>Sets <c>marks[v] = stamp</c> for every video v in the user's served ring.</summary>
    public void Mark(int user, int[] marks, int stamp)
    {
        foreach (var v in _ring.AsSpan(user * _memory, _memory))
        {
            if (v >= 0)
            {
                marks[v] = stamp;
            }
        }
    }

    public void Clear()
    {
        _ring.AsSpan().Fill(-1);
        Array.Clear(_pos);
    }

    /// <summary>Counts the topics of the user's last <paramref name="n"/> served videos into <paramref name="counts"/> (folded by length).</summary>
    public void RecentTopics(int user, int n, Catalog catalog, Span<byte> counts)
    {
        counts.Clear();
        var p = _pos[user];
        for (var i = 0; i < Math.Min(n, _memory); i++)
        {
            p = p == 0 ? _memory - 1 : p - 1;
            var v = _ring[user * _memory + p];
            if (v < 0)
            {
                break;
            }

            var t = catalog.Topic(v) % counts.Length;
            if (counts[t] < byte.MaxValue)
            {
                counts[t]++;
            }
        }
    }

    public void Add(int user, int video)
    {
        var p = _pos[user];
        _ring[user * _memory + p] = video;
        _pos[user] = p + 1 == _memory ? 0 : p + 1;
    }
}
