using System.Numerics;
using System.Runtime.CompilerServices;

namespace Recommender.State;

/// <summary>
/// The platform's long memory of what each user has been served, so that a video is not served
/// to the same user again for weeks: two Bloom filters per user ("generations"), the current one
/// taking every served video and the previous one still read. When the current generation has
/// taken <c>capacity</c> videos the older one is cleared and becomes current, so the filter
/// remembers at least the last <c>capacity</c> and at most the last 2·<c>capacity</c> videos.
/// Feed systems keep exactly this kind of per-user filter of seen items, because an exact list
/// of weeks of impressions is too large; a false positive only hides one unseen candidate.
/// </summary>
/// <remarks>
/// Eight bits per remembered video and three probes give a false-positive rate of about 3 % for
/// a full generation, ≈ (1 − e^(−3/8))³, and less while it fills. Each user's row is written only
/// while serving that user, like the served ring, so requests for different users run in
/// parallel. The probes are a pure function of (seed, video): same slates on any thread count.
/// </remarks>
internal sealed class SeenFilter
{
    private const int Probes = 3;

    private readonly int _capacity;
    private readonly int _words;
    private readonly int _bitMask;
    private readonly ulong _salt;
    private ulong[] _bits;
    private ushort[] _count;
    private byte[] _current;

    /// <param name="capacity">Videos per generation (0: no long memory); rounded up to a power of two.</param>
    /// <param name="users">Users to allocate rows for (grows with <see cref="EnsureUsers"/>).</param>
    /// <param name="seed">The platform seed the probes are hashed with.</param>
    public SeenFilter(int capacity, int users, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 4_096);
        _capacity = capacity == 0 ? 0 : (int)BitOperations.RoundUpToPowerOf2((uint)capacity);
        _salt = StableHash.Hash(seed, 0x5EE4, 0, 0);
        // Eight bits per video per generation, in 64-bit words.
        _words = _capacity / 8;
        _bitMask = (_capacity * 8) - 1;
        users = Math.Max(users, 1);
        _bits = new ulong[Enabled ? users * 2 * _words : 0];
        _count = new ushort[Enabled ? users : 0];
        _current = new byte[Enabled ? users : 0];
    }

    public bool Enabled => _capacity > 0;

    /// <summary>Videos one generation holds (the filter remembers between this and twice this).</summary>
    public int Capacity => _capacity;

    public void EnsureUsers(int users)
    {
        if (!Enabled || users <= _count.Length)
        {
            return;
        }

        var n = Math.Max(users, _count.Length * 2);
        Array.Resize(ref _bits, n * 2 * _words);
        Array.Resize(ref _count, n);
        Array.Resize(ref _current, n);
    }

    /// <summary>Whether <paramref name="video"/> may have been served to <paramref name="user"/> (false: certainly not, within the memory).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int user, int video)
    {
        if (!Enabled)
        {
            return false;
        }

        var h = StableHash.Hash(_salt, (ulong)(uint)video);
        var row = user * 2 * _words;
        return Has(row, h) || Has(row + _words, h);
    }

    public void Add(int user, int video)
    {
        if (!Enabled)
        {
            return;
        }

        if (_count[user] == _capacity)
        {
            // The older generation is forgotten and starts over as the current one.
            _current[user] ^= 1;
            _count[user] = 0;
            _bits.AsSpan((user * 2 * _words) + (_current[user] * _words), _words).Clear();
        }

        var h = StableHash.Hash(_salt, (ulong)(uint)video);
        var gen = (user * 2 * _words) + (_current[user] * _words);
        for (var p = 0; p < Probes; p++)
        {
            var bit = (int)(h >> (p * 21)) & _bitMask;
            _bits[gen + (bit >> 6)] |= 1UL << (bit & 63);
        }

        _count[user]++;
    }

    public void Clear()
    {
        Array.Clear(_bits);
        Array.Clear(_count);
        Array.Clear(_current);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Has(int gen, ulong h)
    {
        for (var p = 0; p < Probes; p++)
        {
            var bit = (int)(h >> (p * 21)) & _bitMask;
            if ((_bits[gen + (bit >> 6)] & (1UL << (bit & 63))) == 0)
            {
                return false;
            }
        }

        return true;
    }
}
