namespace Recommender.Abstractions;

/// <summary>
/// The hashtags an uploader put on a video (at most <see cref="Capacity"/>), as platform-wide
/// tag ids. Hashtags are part of the video information TikTok says it ranks on (CALIBRATION.md §6).
/// </summary>
public readonly struct HashtagSet : IEquatable<HashtagSet>
{
    /// <summary>Most tags kept per video.</summary>
    public const int Capacity = 3;

    private readonly int _a;
    private readonly int _b;
    private readonly int _c;

    private HashtagSet(int count, int a, int b, int c)
    {
        Count = count;
        _a = a;
        _b = b;
        _c = c;
    }

    /// <summary>Number of tags, 0 to <see cref="Capacity"/>.</summary>
    public int Count { get; }

    /// <summary>Tag id at position <paramref name="i"/> (0 ≤ i &lt; <see cref="Count"/>).</summary>
    public int this[int i] => (uint)i >= (uint)Count
        ? throw new ArgumentOutOfRangeException(nameof(i))
        : i switch { 0 => _a, 1 => _b, _ => _c };

    /// <summary>The first <see cref="Capacity"/> non-negative ids of <paramref name="tags"/>.</summary>
    public static HashtagSet Of(ReadOnlySpan<int> tags)
    {
        Span<int> kept = stackalloc int[Capacity];
        var n = 0;
        foreach (var t in tags)
        {
            if (n == Capacity)
            {
                break;
            }

            if (t < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(tags), t, "Hashtag ids are non-negative.");
            }

            kept[n++] = t;
        }

        return new HashtagSet(n, kept[0], kept[1], kept[2]);
    }

    /// <summary>Whether the set holds <paramref name="tag"/>.</summary>
    public bool Contains(int tag) =>
        (Count > 0 && _a == tag) || (Count > 1 && _b == tag) || (Count > 2 && _c == tag);

    /// <summary>Largest tag id, −1 when empty.</summary>
    public int Max() => Count == 0 ? -1 : Math.Max(_a, Count > 1 ? Math.Max(_b, Count > 2 ? _c : _b) : _a);

    /// <inheritdoc/>
    public bool Equals(HashtagSet other) => Count == other.Count && _a == other._a && _b == other._b && _c == other._c;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is HashtagSet other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Count, _a, _b, _c);

    /// <summary>Same tags in the same order.</summary>
    public static bool operator ==(HashtagSet left, HashtagSet right) => left.Equals(right);

    /// <summary>Different tags or order.</summary>
    public static bool operator !=(HashtagSet left, HashtagSet right) => !left.Equals(right);
}
