using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Embeddings;

/// <summary>
/// User and video vectors learned online from engagement: logistic matrix factorisation updated
/// by SGD on every logged impression (positive: a meaningful watch or reaction; negative: a quick
/// swipe or "not interested"). ML.NET's matrix-factorisation package is not available here, so
/// this is written by hand. In the manner of Monolith (CALIBRATION.md §6): a video's vector is
/// admitted only after a few impressions (frequency filter) and expires when the video has not
/// been shown for a while, so memory goes to what is live.
/// Hashtags get vectors too, learned from every impression of a video that carries them; a video
/// whose own vector is not yet admitted is scored by its hashtags' mean vector, so a new upload is
/// personalised from its first impression (content-based cold start from video information).
/// </summary>
internal sealed class EmbeddingTable
{
    /// <summary>Vector length.</summary>
    public const int Dim = 16;

    private readonly ulong _seed;
    private readonly float _learningRate;
    private readonly float _l2;
    private readonly int _admitAfter;
    private readonly long _expireSeconds;
    private float[] _users;
    private float[] _videos;
    private bool[] _admitted;
    private long[] _lastUpdate;
    private float[] _tags = new float[64 * Dim];

    public EmbeddingTable(int users, int videos, ulong seed, float learningRate = 0.05f, float l2 = 0.002f, int admitAfter = 3, double expireDays = 7)
    {
        _seed = seed;
        _learningRate = learningRate;
        _l2 = l2;
        _admitAfter = admitAfter;
        _expireSeconds = (long)(expireDays * 86_400);
        _users = new float[Math.Max(1, users) * Dim];
        _videos = new float[Math.Max(1, videos) * Dim];
        _admitted = new bool[Math.Max(1, videos)];
        _lastUpdate = new long[Math.Max(1, videos)];
        for (var u = 0; u < users; u++)
        {
            Init(_users.AsSpan(u * Dim, Dim), 1, (ulong)u);
        }
    }

    public int AdmittedVideos { get; private set; }

    public void EnsureUsers(int users)
    {
        var old = _users.Length / Dim;
        if (users <= old)
        {
            return;
        }

        var n = Math.Max(users, old * 2);
        Array.Resize(ref _users, n * Dim);
        for (var u = old; u < n; u++)
        {
            Init(_users.AsSpan(u * Dim, Dim), 1, (ulong)u);
        }
    }

    /// <summary>Makes room for hashtag ids below <paramref name="span"/>.</summary>
    public void EnsureHashtags(int span)
    {
        if (span * Dim <= _tags.Length)
        {
            return;
        }

        Array.Resize(ref _tags, Math.Max(span, _tags.Length / Dim * 2) * Dim);
    }

    public void EnsureVideos(int videos)
    {
        if (videos <= _admitted.Length)
        {
            return;
        }

        var n = Math.Max(videos, _admitted.Length * 2);
        Array.Resize(ref _videos, n * Dim);
        Array.Resize(ref _admitted, n);
        Array.Resize(ref _lastUpdate, n);
    }

    public ReadOnlySpan<float> User(int user) => _users.AsSpan(user * Dim, Dim);

    /// <summary>The video's vector (zeros until admitted).</summary>
    internal ReadOnlySpan<float> Video(int video) => _videos.AsSpan(video * Dim, Dim);

    /// <summary>The hashtag's vector.</summary>
    internal ReadOnlySpan<float> Tag(int tag) => _tags.AsSpan(tag * Dim, Dim);

    /// <summary>Affinity of a user and a video; for a video whose vector is not admitted, the affinity with its hashtags.</summary>
    public float Score(int user, int video, in HashtagSet tags) =>
        _admitted[video] ? Dot(User(user), _videos.AsSpan(video * Dim, Dim)) : TagScore(user, tags);

    /// <summary>Mean affinity of a user with a video's hashtags; 0 without hashtags.</summary>
    public float TagScore(int user, in HashtagSet tags)
    {
        if (tags.Count == 0)
        {
            return 0f;
        }

        var u = User(user);
        var sum = 0f;
        for (var i = 0; i < tags.Count; i++)
        {
            sum += Dot(u, _tags.AsSpan(tags[i] * Dim, Dim));
        }

        return sum / tags.Count;
    }

    /// <summary>One SGD step of logistic loss on (user, video, label), and one on each of the video's hashtags.</summary>
    public void Update(int user, int video, in HashtagSet tags, bool positive, int videoImpressions, long second)
    {
        // Hashtag vectors learn against the user's vector (held fixed here, so that tags do not
        // double-count the impression in the user's own update).
        if (tags.Count > 0)
        {
            var uRow = User(user);
            var pt = 1f / (1f + MathF.Exp(-TagScore(user, tags)));
            var gt = ((positive ? 1f : 0f) - pt) / tags.Count;
            for (var j = 0; j < tags.Count; j++)
            {
                var t = _tags.AsSpan(tags[j] * Dim, Dim);
                if (Vector512.IsHardwareAccelerated)
                {
                    // The same operations element by element, sixteen at once: the same bits.
                    var tv = Vector512.Create<float>(t);
                    (tv + (Vector512.Create(_learningRate) * ((Vector512.Create(gt) * Vector512.Create<float>(uRow)) - (Vector512.Create(_l2) * tv)))).CopyTo(t);
                    continue;
                }

                for (var i = 0; i < Dim; i++)
                {
                    t[i] += _learningRate * ((gt * uRow[i]) - (_l2 * t[i]));
                }
            }
        }

        if (!_admitted[video])
        {
            if (videoImpressions < _admitAfter)
            {
                return;
            }

            Init(_videos.AsSpan(video * Dim, Dim), 2, (ulong)video);
            _admitted[video] = true;
            AdmittedVideos++;
        }
        else if (second - _lastUpdate[video] > _expireSeconds)
        {
            // Expired: stale vectors describe a catalogue that has moved on; start again.
            Init(_videos.AsSpan(video * Dim, Dim), 2, (ulong)video);
        }

        _lastUpdate[video] = second;
        var u = _users.AsSpan(user * Dim, Dim);
        var v = _videos.AsSpan(video * Dim, Dim);
        var p = 1f / (1f + MathF.Exp(-Dot(u, v)));
        var g = (positive ? 1f : 0f) - p;
        if (Vector512.IsHardwareAccelerated)
        {
            // The same operations element by element, sixteen at once: the same bits.
            var uv = Vector512.Create<float>(u);
            var vv = Vector512.Create<float>(v);
            var rate = Vector512.Create(_learningRate);
            var l2 = Vector512.Create(_l2);
            var gv = Vector512.Create(g);
            (uv + (rate * ((gv * vv) - (l2 * uv)))).CopyTo(u);
            (vv + (rate * ((gv * uv) - (l2 * vv)))).CopyTo(v);
            return;
        }

        for (var i = 0; i < Dim; i++)
        {
            var ui = u[i];
            u[i] += _learningRate * (g * v[i] - _l2 * ui);
            v[i] += _learningRate * (g * ui - _l2 * v[i]);
        }
    }

    /// <summary>
    /// Dot product of two <see cref="Dim"/>-float vectors, bit for bit what
    /// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> returns (EmbeddingTests
    /// compare them on random vectors): with 512-bit vectors that is one multiply, added to a zero
    /// vector, summed across; without them the library is called. Inlined, it saves the library's
    /// general-length set-up on each of the few hundred candidates a request pre-ranks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (Vector512.IsHardwareAccelerated && a.Length == Dim && b.Length == Dim)
        {
            return Vector512.Sum(Vector512<float>.Zero + (Vector512.Create<float>(a) * Vector512.Create<float>(b)));
        }

        return TensorPrimitives.Dot(a, b);
    }

    /// <summary>Forgets every learned vector (the "untrained" starting point).</summary>
    public void Clear()
    {
        for (var u = 0; u < _users.Length / Dim; u++)
        {
            Init(_users.AsSpan(u * Dim, Dim), 1, (ulong)u);
        }

        Array.Clear(_videos);
        Array.Clear(_tags);
        Array.Clear(_admitted);
        Array.Clear(_lastUpdate);
        AdmittedVideos = 0;
    }

    // Small seeded random start (sd 0.1) so that gradients can separate users and videos.
    private void Init(Span<float> row, ulong kind, ulong id)
    {
        for (var i = 0; i < row.Length; i++)
        {
            var bits = StableHash.Hash(_seed, kind, id, (ulong)i);
            row[i] = (float)((StableHash.Unit(bits) - 0.5) * 0.35);
        }
    }
}
