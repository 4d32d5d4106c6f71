using Recommender;
using Recommender.Diagnostics;
using Simulator.Engine.Parallel;
using Simulator.Engine.Scheduling;
using Simulator.World.Behaviour;
using Simulator.World.Content;
using Simulator.World.Population;

namespace Simulator.World.Simulation;

/// <summary>The shared state the world's systems work on.</summary>
internal sealed class WorldState
{
    public required WorldSettings Settings { get; init; }

    public required UserTable Users { get; init; }

    public required ContentSupply Content { get; init; }

    public required RecommenderCore Recommender { get; init; }

    public required BehaviourModel Behaviour { get; init; }

    public required ReturnModel Return { get; init; }

    public required TimingWheel Wheel { get; init; }

    /// <summary>The scenario's campaigns; null when it has none.</summary>
    public Marketing.CampaignBook? Campaigns { get; init; }

    /// <summary>This process's worker threads: never part of a snapshot (a resumed run may use another thread count).</summary>
    [field: NonSerialized]
    public required ChunkScheduler Scheduler { get; init; }

    /// <summary>Users in a session, in a deterministic order: survivors first, then new starts in wake-up order.</summary>
    public int[] Active { get; set; } = new int[1024];

    public int ActiveCount { get; set; }

    public List<ChunkOutput> Outputs { get; } = [];

    /// <summary>What a sample of users watched on the reported days, for the homogenisation metric.</summary>
    public required Homogenization Consumption { get; init; }

    /// <summary>Impression log consumers (e.g. the Parquet writer); empty unless asked for.</summary>
    [field: NonSerialized]
    public List<IImpressionSink> Sinks { get; } = [];

    /// <summary>Counts of the current day so far.</summary>
    public DailyTotals Today;


    public long TotalImpressions { get; set; }

    /// <summary>The profiling clock a benchmark handed in; null (no clock read) otherwise.</summary>
    [field: NonSerialized]
    public ProfileClock? Clock { get; set; }

    /// <summary>Clock ticks in recommendation requests, summed over threads (profiling only).</summary>
    public long RecommendTicks { get; set; }

    /// <summary>Feed requests served and the video slots they returned (profiling only).</summary>
    public long Requests { get; set; }

    /// <inheritdoc cref="Requests"/>
    public long SlotsServed { get; set; }

    /// <summary>Clock ticks in the recommender's logging and batch work (profiling only).</summary>
    public long RecommenderBatchTicks { get; set; }

    public void AddActive(int user)
    {
        if (ActiveCount == Active.Length)
        {
            var a = Active;
            Array.Resize(ref a, a.Length * 2);
            Active = a;
        }

        Active[ActiveCount++] = user;
    }

    /// <summary>The end of the run, simulated seconds: return times past it are not sampled further.</summary>
    public long HorizonSecond => Settings.EndTick * Settings.TickSeconds;

    /// <summary>Tick of a simulated second (rounded down).</summary>
    public long TickOf(long second) => (long)Math.Floor(second / (double)Settings.TickSeconds);
}
