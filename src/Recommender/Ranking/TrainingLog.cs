using Recommender.Abstractions;

namespace Recommender.Ranking;

/// <summary>
/// The rolling impression log the ranking heads train on: features as they were at serving time
/// and the outcome. A ring buffer: the oldest rows fall out as new ones arrive.
/// </summary>
internal sealed class TrainingLog
{
    private readonly float[] _features;
    private readonly float[] _watch;
    private readonly float[] _length;
    private readonly byte[] _reactions;
    private readonly int[] _user;
    private readonly long[] _second;
    private readonly float[] _propensity;
    private long _written;

    public TrainingLog(int capacity)
    {
        Capacity = Math.Max(16, capacity);
        _features = new float[Capacity * Features.Count];
        _watch = new float[Capacity];
        _length = new float[Capacity];
        _reactions = new byte[Capacity];
        _user = new int[Capacity];
        _second = new long[Capacity];
        _propensity = new float[Capacity];
    }

    public int Capacity { get; }

    /// <summary>Bytes held by the rolling log (fixed at construction).</summary>
    public long Bytes => (Capacity * (long)Features.Count * sizeof(float)) + (Capacity * ((3L * sizeof(float)) + sizeof(byte) + sizeof(int) + sizeof(long)));

    /// <summary>Rows ever written; row r lives in slot r mod capacity while r ≥ written − capacity.</summary>
    public long Written => _written;

    public long Oldest => Math.Max(0, _written - Capacity);

    public Span<float> NextFeatures() => _features.AsSpan((int)(_written % Capacity) * Features.Count, Features.Count);

    public void Commit(int user, long second, float watch, float length, Reactions reactions, float propensity)
    {
        var i = (int)(_written % Capacity);
        _watch[i] = watch;
        _length[i] = length;
        _reactions[i] = (byte)reactions;
        _user[i] = user;
        _second[i] = second;
        _propensity[i] = propensity;
        _written++;
    }

    public ReadOnlySpan<float> FeaturesOf(long row) => _features.AsSpan((int)(row % Capacity) * Features.Count, Features.Count);

    public float Watch(long row) => _watch[row % Capacity];

    public float Length(long row) => _length[row % Capacity];

    public Reactions ReactionsOf(long row) => (Reactions)_reactions[row % Capacity];

    public int User(long row) => _user[row % Capacity];

    public long Second(long row) => _second[row % Capacity];

    /// <summary>Probability with which the row's video was chosen when it was served (1 when unknown).</summary>
    public float Propensity(long row) => _propensity[row % Capacity];

    public void Clear() => _written = 0;
}
