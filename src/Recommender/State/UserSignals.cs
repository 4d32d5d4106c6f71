namespace Recommender.State;

/// <summary>
/// What the platform has learned about each user from their own logged behaviour: time-decayed
/// engagement per topic (the user's history) and overall activity and engagement rates.
/// Written only in the feedback phase; read concurrently while serving.
/// </summary>
internal sealed class UserSignals
{
    /// <summary>The most topic slots per user; topic ids above this fold onto it (the catalogue's topics are few).</summary>
    public const int MaxTopicSlots = 32;

    private readonly double _decayPerSecond;
    private float[] _topic;
    private float[] _topicImpressions;
    private float[] _engagement;
    private float[] _impressions;
    private float[] _finishes;
    private float[] _likes;
    private long[] _last;

    /// <param name="users">Users to size for (the arrays grow on demand).</param>
    /// <param name="halfLifeHours">Half-life of the topic history.</param>
    /// <param name="topics">
    /// Topics in the platform's content taxonomy (ids 0 … topics − 1): one slot each, up to
    /// <see cref="MaxTopicSlots"/>. Sizing to the taxonomy instead of always 32 saves 8 bytes per
    /// user per unused slot (96 B at the default 20 topics) and changes no number, since topic
    /// ids below the slot count map to themselves either way.
    /// </param>
    public UserSignals(int users, double halfLifeHours, int topics = MaxTopicSlots)
    {
        users = Math.Max(1, users);
        // At least 8, so retrieval's four strongest topics are always distinct slots.
        TopicSlots = Math.Clamp(topics, 8, MaxTopicSlots);
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

    /// <summary>Topic slots per user.</summary>
    public int TopicSlots { get; }

    public int Slot(int topic) => topic % TopicSlots;

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
