using Recommender.Embeddings;
using Recommender.Ranking;

namespace Recommender.State;

/// <summary>
/// Everything the platform has observed and learned: accounts, catalogue, counters, user history,
/// follow graph, embeddings, the traffic pool, the served history and the training log.
/// </summary>
internal sealed class PlatformState
{
    private const int PickTries = 8;

    public PlatformState(RecommenderOptions options, ulong seed, int expectedUsers, int expectedVideos, int topics = UserSignals.MaxTopicSlots)
    {
        Options = options;
        Seed = seed;
        Catalog = new Catalog(expectedVideos);
        Counters = new EngagementCounters(Catalog.Capacity);
        Videos = new VideoStats(Catalog.Capacity);
        Served = new ServedHistory(options.ServedMemory, expectedUsers, options.SeenMemory, seed);
        Users = new UserSignals(expectedUsers, options.UserHistoryHalfLifeHours, topics);
        Follows = new FollowGraph(expectedUsers, Math.Max(16, expectedVideos / 8));
        Embeddings = new EmbeddingTable(expectedUsers, Catalog.Capacity, seed);
        Pool = new TrafficPool(Catalog.Capacity);
        Log = new TrainingLog(options.LogCapacity, seed);
        FreshSeconds = (long)(options.FreshHours * 3600);
    }

    public RecommenderOptions Options { get; }

    public ulong Seed { get; }

    public Regions Regions { get; } = new();

    /// <remarks>
    /// Not snapshot state: the host registers every account while it builds the world, so the
    /// world being restored has them already, and a fork's variant its own settings (personalisation off).
    /// </remarks>
    [field: NonSerialized]
    public Accounts Accounts { get; } = new();

    public Catalog Catalog { get; }

    public EngagementCounters Counters { get; }

    public VideoStats Videos { get; }

    public ServedHistory Served { get; }

    public UserSignals Users { get; }

    public FollowGraph Follows { get; }

    public EmbeddingTable Embeddings { get; }

    public TrafficPool Pool { get; }

    public TrainingLog Log { get; }

    public long FreshSeconds { get; }

    /// <summary>Topic pools: the most valuable recent videos of each topic, rebuilt at each refresh.</summary>
    public TopList[] TopicPools { get; private set; } = [];

    /// <summary>First video id still inside the fresh window (ids are in upload order).</summary>
    public int FirstFresh { get; private set; }

    public void AdvanceFreshWindow(long nowSecond)
    {
        var uploads = Catalog.UploadSeconds;
        var first = FirstFresh;
        while (first < uploads.Length && uploads[first] < nowSecond - FreshSeconds)
        {
            first++;
        }

        FirstFresh = first;
    }

    public void RebuildTopicPools(int perTopic)
    {
        var topics = 0;
        for (var v = 0; v < Catalog.Count; v++)
        {
            topics = Math.Max(topics, Catalog.Topic(v) + 1);
        }

        if (TopicPools.Length < topics)
        {
            var pools = TopicPools;
            var old = pools.Length;
            Array.Resize(ref pools, topics);
            for (var t = old; t < topics; t++)
            {
                pools[t] = new TopList(perTopic);
            }

            TopicPools = pools;
        }

        foreach (var p in TopicPools)
        {
            p.Begin();
        }

        var value = Counters.Value;
        for (var v = 0; v < Catalog.Count; v++)
        {
            // Value plus a small floor so that never-shown videos of a topic can still be found.
            TopicPools[Catalog.Topic(v)].Offer(v, value[v] + 0.01f);
        }

        foreach (var p in TopicPools)
        {
            p.Complete();
        }
    }

    /// <summary>A random fresh upload the user has not been served, or -1.</summary>
    public int PickFresh(int user, ulong bits, ReadOnlySpan<int> taken) =>
        PickInRange(user, bits, FirstFresh, Catalog.Count, taken);

    /// <summary>A random video from the whole catalogue the user has not been served, or -1.</summary>
    public int PickAny(int user, ulong bits, ReadOnlySpan<int> taken) =>
        PickInRange(user, bits, 0, Catalog.Count, taken);

    /// <summary>Forgets everything learned and observed about behaviour; keeps accounts and the catalogue.</summary>
    public void ForgetLearnedState()
    {
        Counters.Clear();
        Videos.Clear();
        Users.Clear();
        Follows.ClearLearned();
        Embeddings.Clear();
        Log.Clear();
        Served.Clear();
        Pool.Clear();
    }

    private int PickInRange(int user, ulong bits, int from, int to, ReadOnlySpan<int> taken)
    {
        var size = to - from;
        if (size <= 0)
        {
            return -1;
        }

        for (var t = 0; t < PickTries; t++)
        {
            var id = from + StableHash.Below(bits, size);
            if (!Served.Contains(user, id) && !taken.Contains(id))
            {
                return id;
            }

            bits = StableHash.Hash(Seed, bits, (ulong)t, 0x5EEDUL);
        }

        return -1;
    }
}
