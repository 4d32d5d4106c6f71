using Recommender;
using Simulator.World.Behaviour;
using Simulator.World.Content;
using Simulator.World.Policies;
using Simulator.World.Population;
using System.ComponentModel;

namespace Simulator.World.Simulation;

/// <summary>Everything a world needs to be built, resolved from a scenario.</summary>
[ImmutableObject(true)]
public sealed record WorldSettings
{
    public required ulong Seed { get; init; }

    public required int Days { get; init; }

    public required int TickSeconds { get; init; }

    /// <summary>Simulated days run before day 0 so the platform has history and a trained model; not reported.</summary>
    public int WarmupDays { get; init; }

    public long StartTick => -(long)WarmupDays * 86_400 / TickSeconds;

    public int Threads { get; init; } = 1;

    /// <summary>
    /// Cores this world shares with others running beside it (replication lanes), or null for its
    /// own <see cref="Threads"/>: it then uses its share of them at each step, so a lane left running
    /// alone uses every core. Results do not depend on it.
    /// </summary>
    public Engine.Parallel.ThreadShare? Share { get; init; }

    /// <summary>
    /// Users in session per parallel chunk. Results do not depend on it (nor on threads); tests
    /// shrink it to force many chunks. Small, because a tick's work is only the users in session
    /// (about 2–3 % of the population at a time): with 512, a 10,000-user world had one chunk per
    /// tick and ran its sessions on one thread. Ticks with few users in session cut them into
    /// <see cref="MinChunks"/> smaller chunks (at least 8 users each) to balance the threads.
    /// </summary>
    public int ChunkSize { get; init; } = 64;

    /// <summary>At least this many chunks per tick when chunks of 8 or more users allow it (load balance; results do not depend on it).</summary>
    public int MinChunks { get; init; } = 16;

    /// <summary>
    /// Impressions in a tick from which the feedback's two parts (the recommender recording, the
    /// world's bookkeeping) run side by side rather than one after the other: handing a part to
    /// the other thread costs tens of microseconds, more than the bookkeeping of a quiet tick.
    /// Results do not depend on it; tests set 0 to run the parts side by side on every tick.
    /// </summary>
    public int FeedbackSideBySideFrom { get; init; } = 1024;

    public PopulationOptions Population { get; init; } = new();

    public ContentOptions Content { get; init; } = new();

    public BehaviourOptions Behaviour { get; init; } = new();

    public RecommenderOptions Recommender { get; init; } = new();

    public IReadOnlyList<PolicyOptions> Policies { get; init; } = [];

    public IReadOnlyList<Marketing.CampaignOptions> Campaigns { get; init; } = [];

    public Marketing.MarketingOptions Marketing { get; init; } = new();

    public long EndTick => (long)Days * 86_400 / TickSeconds;
}
