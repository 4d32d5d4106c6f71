namespace Recommender.State;

/// <summary>
/// The last <c>memory</c> videos served to each user, as one flat ring buffer per user, and behind
/// it the long memory of a <see cref="SeenFilter"/> (weeks of a user's impressions), so that a
/// video is served to a user once, as on a real feed, not again as soon as the ring forgets it.
/// Each user's ring is written only while serving that user, so requests for different
/// users may run in parallel.
/// </summary>
/// <remarks>
/// An entry is <c>video + 1</c> (0 = empty) stored in 24 bits, as a 16-bit low half and an 8-bit
/// high byte in two arrays: 3 bytes per remembered video instead of 4 (384 instead of 512 bytes per
/// user at the default memory of 128), and the low halves can be searched with vector compares. A
/// catalogue past 2^24 − 1 videos adds a fourth byte array (<see cref="EnsureVideos"/>), so any
/// catalogue fits; the set of remembered videos, and so every slate, is the same at any width.
/// </remarks>
internal sealed class ServedHistory
{
    /// <summary>Largest entry (video + 1) the two narrow arrays hold.</summary>
    private const int NarrowLimit = (1 << 24) - 1;

    private readonly int _memory;
    private ushort[] _low;
    private byte[] _high;
    private byte[]? _top;
    private ushort[] _pos;
    private readonly SeenFilter _seen;

    /// <param name="memory">Videos the exact ring remembers per user.</param>
    /// <param name="users">Users to allocate rows for (grows with <see cref="EnsureUsers"/>).</param>
    /// <param name="seenCapacity">Videos per generation of the long memory (0: the ring only).</param>
    /// <param name="seed">The platform seed the long memory hashes with.</param>
    public ServedHistory(int memory, int users, int seenCapacity = 0, ulong seed = 0)
    {
        if (memory is < 1 or > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(memory), memory, "Served memory must be between 1 and 65,535 videos.");
        }

        _memory = memory;
        users = Math.Max(users, 1);
        _low = new ushort[users * memory];
        _high = new byte[users * memory];
        _pos = new ushort[users];
        _seen = new SeenFilter(seenCapacity, users, seed);
    }

    public int Memory => _memory;

    /// <summary>Videos per generation of the long memory (0: none).</summary>
    public int SeenCapacity => _seen.Capacity;

    /// <summary>Whether entries are stored in 32 bits (catalogue past 2^24 − 1 videos).</summary>
    public bool Wide => _top is not null;

    public void EnsureUsers(int users)
    {
        if (users <= _pos.Length)
        {
            return;
        }

        var n = Math.Max(users, _pos.Length * 2);
        Array.Resize(ref _low, n * _memory);
        Array.Resize(ref _high, n * _memory);
        if (_top is not null)
        {
            Array.Resize(ref _top, n * _memory);
        }

        Array.Resize(ref _pos, n);
        _seen.EnsureUsers(n);
    }

    /// <summary>Widens the entries to 32 bits once video ids reach 2^24 − 1 (<paramref name="videos"/> = catalogue capacity).</summary>
    public void EnsureVideos(int videos)
    {
        if (videos > NarrowLimit && _top is null)
        {
            // Existing entries are below 2^24, so their top bytes are zero.
            _top = new byte[_low.Length];
        }
    }

    /// <summary>Whether <paramref name="video"/> was served to <paramref name="user"/> within the ring or, by the long memory, before it.</summary>
    public bool Contains(int user, int video) => InRing(user, video) || _seen.Contains(user, video);

    /// <summary>Whether the long memory holds <paramref name="video"/> for <paramref name="user"/> (the ring aside: see <see cref="Mark"/>).</summary>
    public bool SeenBefore(int user, int video) => _seen.Contains(user, video);

    private bool InRing(int user, int video)
    {
        var entry = video + 1;
        var offset = user * _memory;
        var low = _low.AsSpan(offset, _memory);
        var key = (ushort)entry;
        var from = 0;
        while (from < low.Length)
        {
            var k = low[from..].IndexOf(key);
            if (k < 0)
            {
                return false;
            }

            from += k;
            if (Entry(offset + from) == entry)
            {
                return true;
            }

            from++;
        }

        return false;
    }

    /// <summary>Sets <c>marks[v] = stamp</c> for every video v in the user's served ring (the long memory is asked per candidate: <see cref="SeenBefore"/>).</summary>
    public void Mark(int user, int[] marks, int stamp)
    {
        var offset = user * _memory;
        var low = _low.AsSpan(offset, _memory);
        var high = _high.AsSpan(offset, _memory);
        if (_top is null)
        {
            for (var i = 0; i < low.Length; i++)
            {
                var entry = low[i] | (high[i] << 16);
                if (entry != 0)
                {
                    marks[entry - 1] = stamp;
                }
            }

            return;
        }

        for (var i = 0; i < low.Length; i++)
        {
            var entry = Entry(offset + i);
            if (entry != 0)
            {
                marks[entry - 1] = stamp;
            }
        }
    }

    public void Clear()
    {
        Array.Clear(_low);
        Array.Clear(_high);
        if (_top is not null)
        {
            Array.Clear(_top);
        }

        Array.Clear(_pos);
        _seen.Clear();
    }

    /// <summary>Counts the topics of the user's last <paramref name="n"/> served videos into <paramref name="counts"/> (folded by length).</summary>
    public void RecentTopics(int user, int n, Catalog catalog, Span<byte> counts)
    {
        counts.Clear();
        var p = (int)_pos[user];
        for (var i = 0; i < Math.Min(n, _memory); i++)
        {
            p = p == 0 ? _memory - 1 : p - 1;
            var entry = Entry(user * _memory + p);
            if (entry == 0)
            {
                break;
            }

            var t = catalog.Topic(entry - 1) % counts.Length;
            if (counts[t] < byte.MaxValue)
            {
                counts[t]++;
            }
        }
    }

    public void Add(int user, int video)
    {
        var p = (int)_pos[user];
        var i = (user * _memory) + p;
        var entry = (uint)video + 1;
        if (entry > NarrowLimit && _top is null)
        {
            throw new InvalidOperationException($"Video {video} is past the served history's 24-bit ids; call EnsureVideos with the catalogue's capacity first.");
        }

        _low[i] = (ushort)entry;
        _high[i] = (byte)(entry >> 16);
        if (_top is not null)
        {
            _top[i] = (byte)(entry >> 24);
        }

        _pos[user] = (ushort)(p + 1 == _memory ? 0 : p + 1);
        _seen.Add(user, video);
    }

    private int Entry(int i) =>
        _low[i] | (_high[i] << 16) | (_top is null ? 0 : _top[i] << 24);
}
