namespace Recommender.State;

/// <summary>
/// What the platform has learned about each user from their own logged behaviour: time-decayed
/// engagement per topic (the user's history) and overall activity and engagement rates.
/// Written only in the feedback phase; read concurrently while serving.
/// </summary>
internal sealed class UserSignals
{
    /// <summary>Topic slots per user; topic ids above this fold onto it (the catalogue's topics are few).</summary>
    public const int TopicSlots = 32;

    private readonly double _decayPerSecond;
    private float[] _topic;
    private float[] _topicImpressions;
    private float[] _engagement;
    private float[] _impressions;
    private float[] _finishes;
    private float[] _likes;
    private long[] _last;

    public UserSignals(int users, double halfLifeHours)
    {
        users = Math.Max(1, users);
        _decayPerSecond = Math.Log(2) / (halfLifeHours * 3600.0);
        _topic = new float[users * TopicSlots];
        _topicImpressions = new float[users * TopicSlots];
        _engagement = new float[users];
        _impressions = new float[users];
        _finishes = new float[users];
        _likes = new float[users];
        _last = new long[users];
    }

    public void EnsureUsers(int users)
    {
        if (users <= _impressions.Length)
        {
            return;
        }

        var n = Math.Max(users, _impressions.Length * 2);
        Array.Resize(ref _topic, n * TopicSlots);
        Array.Resize(ref _topicImpressions, n * TopicSlots);
        Array.Resize(ref _engagement, n);
        Array.Resize(ref _impressions, n);
        Array.Resize(ref _finishes, n);
        Array.Resize(ref _likes, n);
        Array.Resize(ref _last, n);
    }

    public static int Slot(int topic) => topic % TopicSlots;

    /// <summary>
    /// How much more the user engages with <paramref name="topic"/> than with their average video:
    /// mean engagement on the topic over mean engagement overall, shrunk towards 1 for topics seen
    /// rarely (prior weight 3 impressions). Exposure-normalised, so a topic the feed pushed often
    /// does not look liked merely because it was shown.
    /// </summary>
    public float TopicAffinity(int user, int topic)
    {
        var i = user * TopicSlots + Slot(topic);
        var mean = (_engagement[user] + 0.3f) / (_impressions[user] + 1f);
        return (_topic[i] + 3f * mean) / (_topicImpressions[i] + 3f) / mean;
    }

    /// <summary>Topic affinity of every slot, into <paramref name="row"/> (for choosing retrieval topics).</summary>
    public void TopicRow(int user, Span<float> row)
    {
        for (var t = 0; t < TopicSlots; t++)
        {
            // Only topics with real evidence can lead retrieval.
            row[t] = _topicImpressions[user * TopicSlots + t] >= 2f ? TopicAffinity(user, t) : 0f;
        }
    }

    public float Impressions(int user) => _impressions[user];

    public float FinishRate(int user) => (_finishes[user] + 0.4f) / (_impressions[user] + 1f);

    public float LikeRate(int user) => (_likes[user] + 0.04f) / (_impressions[user] + 1f);

    /// <summary>Logs one impression's outcome; <paramref name="engagement"/> (0–3) is how strongly the user engaged.</summary>
    public void Record(int user, int topic, long second, float engagement, bool finished, bool liked)
    {
        var last = _last[user];
        if (second > last && last != 0)
        {
            var f = (float)Math.Exp(-_decayPerSecond * (second - last));
            var row = _topic.AsSpan(user * TopicSlots, TopicSlots);
            System.Numerics.Tensors.TensorPrimitives.Multiply(row, f, row);
            var seen = _topicImpressions.AsSpan(user * TopicSlots, TopicSlots);
            System.Numerics.Tensors.TensorPrimitives.Multiply(seen, f, seen);
            _engagement[user] *= f;
            _impressions[user] *= f;
            _finishes[user] *= f;
            _likes[user] *= f;
        }

        _last[user] = last == 0 ? second : Math.Max(last, second);
        _topic[user * TopicSlots + Slot(topic)] += engagement;
        _topicImpressions[user * TopicSlots + Slot(topic)] += 1f;
        _engagement[user] += engagement;
        _impressions[user] += 1f;
        if (finished) _finishes[user] += 1f;
        if (liked) _likes[user] += 1f;
    }

    /// <summary>Forgets everything learned (the "untrained" buyer's starting point).</summary>
    public void Clear()
    {
        Array.Clear(_topic);
        Array.Clear(_topicImpressions);
        Array.Clear(_engagement);
        Array.Clear(_impressions);
        Array.Clear(_finishes);
        Array.Clear(_likes);
        Array.Clear(_last);
    }
}
