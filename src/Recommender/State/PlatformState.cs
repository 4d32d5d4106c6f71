namespace Recommender.State;

/// <summary>Everything the platform has observed: accounts, catalogue, counters, served history.</summary>
internal sealed class PlatformState
{
    private const int PickTries = 8;

    public PlatformState(RecommenderOptions options, ulong seed, int expectedUsers, int expectedVideos)
    {
        Seed = seed;
        Catalog = new Catalog(expectedVideos);
        Counters = new EngagementCounters(Catalog.Capacity);
        Served = new ServedHistory(options.ServedMemory, expectedUsers);
        FreshSeconds = (long)(options.FreshHours * 3600);
    }

    public ulong Seed { get; }

    public Regions Regions { get; } = new();

    public Accounts Accounts { get; } = new();

    public Catalog Catalog { get; }

    public EngagementCounters Counters { get; }

    public ServedHistory Served { get; }

    public long FreshSeconds { get; }

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

    /// <summary>A random fresh upload the user has not been served, or -1.</summary>
    public int PickFresh(int user, ulong bits, ReadOnlySpan<int> taken) =>
        PickInRange(user, bits, FirstFresh, Catalog.Count, taken);

    /// <summary>A random video from the whole catalogue the user has not been served, or -1.</summary>
    public int PickAny(int user, ulong bits, ReadOnlySpan<int> taken) =>
        PickInRange(user, bits, 0, Catalog.Count, taken);

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
