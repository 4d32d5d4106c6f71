using Recommender.Abstractions;

namespace Simulator.World.Simulation;

/// <summary>
/// What one chunk of users produced in a tick: logged impressions, ended sessions and counts.
/// Reused tick after tick (arrays only grow), and merged in chunk order so that results do not
/// depend on which thread ran the chunk.
/// </summary>
internal sealed class ChunkOutput
{
    private ImpressionFeedback[] _impressions = new ImpressionFeedback[256];
    private int[] _endedUsers = new int[64];
    private long[] _endedNext = new long[64];

    public int ImpressionCount { get; private set; }

    public int EndedCount { get; private set; }

    public DailyTotals Totals;

    /// <summary>Campaign ledger counters of this chunk's tick (empty without campaigns).</summary>
    public long[] CampaignCounts = [];

    /// <summary>Profiling-clock ticks spent inside recommendation requests (profiling only; never in results).</summary>
    public long RecommendTicks;

    /// <summary>Feed requests made and video slots they returned (profiling only; never in results).</summary>
    public long Requests;

    /// <inheritdoc cref="Requests"/>
    public long SlotsServed;

    public ReadOnlySpan<ImpressionFeedback> Impressions => _impressions.AsSpan(0, ImpressionCount);

    public ReadOnlySpan<int> EndedUsers => _endedUsers.AsSpan(0, EndedCount);

    public ReadOnlySpan<long> EndedNextTick => _endedNext.AsSpan(0, EndedCount);

    public void Reset()
    {
        ImpressionCount = 0;
        EndedCount = 0;
        Totals = default;
        RecommendTicks = 0;
        Requests = 0;
        SlotsServed = 0;
        Array.Clear(CampaignCounts);
    }

    public void AddImpression(in ImpressionFeedback f)
    {
        if (ImpressionCount == _impressions.Length)
        {
            Array.Resize(ref _impressions, _impressions.Length * 2);
        }

        _impressions[ImpressionCount++] = f;
    }

    public void AddEnded(int user, long nextTick)
    {
        if (EndedCount == _endedUsers.Length)
        {
            Array.Resize(ref _endedUsers, _endedUsers.Length * 2);
            Array.Resize(ref _endedNext, _endedNext.Length * 2);
        }

        _endedUsers[EndedCount] = user;
        _endedNext[EndedCount] = nextTick;
        EndedCount++;
    }
}
