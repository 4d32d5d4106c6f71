using Recommender;
using Recommender.Abstractions;
using Recommender.Diagnostics;
using Simulator.Engine.Loop;
using Simulator.Engine.Parallel;
using Simulator.Engine.Random;
using Simulator.Engine.Scheduling;
using Simulator.World.Behaviour;
using Simulator.World.Content;
using Simulator.World.Population;
using Simulator.World.Randomness;

namespace Simulator.World.Simulation;

/// <summary>
/// One replication of the synthetic world wired to a recommender: users, creators, the loop and
/// its systems. Build it, attach observers, then step <see cref="Loop"/> to <see cref="EndTick"/>.
/// </summary>
public sealed class SimulationWorld : IDisposable
{
    private readonly WorldState _state;
    private readonly List<IWorldObserver> _observers = [];
    // Keyed by object identity, which no snapshot carries: the constructor builds it again for the same systems.
    [NonSerialized]
    private readonly Dictionary<ISimSystem, WorldSystem> _roles = new(ReferenceEqualityComparer.Instance);

    public SimulationWorld(WorldSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (86_400 % settings.TickSeconds != 0)
        {
            throw new ArgumentException("The tick must divide a day evenly.", nameof(settings));
        }

        var users = PopulationBuilder.Build(settings.Population, settings.Behaviour, settings.Seed, settings.Recommender.SlateSize, settings.Policies, settings.Days, settings.WarmupDays);
        var content = new ContentSupply(settings.Content, settings.Population, settings.Behaviour, settings.Seed, settings.Days, users, Marketing.CampaignBook.ReservedAccounts(settings.Campaigns));
        var recommenderSeed = CounterRng.Draw(settings.Seed, 0, StreamIds.Recommender, 0);
        var recommender = new RecommenderCore(settings.Recommender, recommenderSeed, users.Count, content.ExpectedVideos, settings.Threads, settings.Behaviour.Topics, settings.Share is { } share ? () => share.PerHolder : null);
        for (var u = 0; u < users.Count; u++)
        {
            var country = Countries.All[users.Persona.Country[u]];
            recommender.RegisterUser(new UserAccount(u, country.Code, country.Language, users.Persona.Device[u], users.Persona.IsTeen[u], users.Policy.NonPersonalizedFeed[u]));
        }

        var startSecond = settings.StartTick * settings.TickSeconds;
        recommender.SetAudienceSize(users.Count);
        content.SeedFollows(settings.Content, settings.Behaviour.Topics, settings.Seed, users, recommender);
        content.SeedCatalogue(settings.Content, recommender, startSecond);
        Marketing.CampaignBook? campaigns = null;
        if (settings.Campaigns.Count > 0)
        {
            campaigns = new Marketing.CampaignBook(settings.Campaigns, settings.Marketing, settings.Content, users.Count, users.Topics, settings.Seed, content.TierScale);
        }

        recommender.Advance(startSecond);

        _state = new WorldState
        {
            Settings = settings,
            Users = users,
            Content = content,
            Recommender = recommender,
            Behaviour = new BehaviourModel(settings.Behaviour),
            Return = new ReturnModel(settings.Behaviour),
            Wheel = new TimingWheel(users.Count, WheelBits(settings.TickSeconds), settings.StartTick),
            Campaigns = campaigns,
            Scheduler = new ChunkScheduler(settings.Threads, settings.ChunkSize, settings.MinChunks, settings.Share),
            Consumption = new Homogenization(users.Count),
        };

        // First sessions: installs at their install second, existing users after a settled pre-history.
        for (var u = 0; u < users.Count; u++)
        {
            var rng = new RandomCursor(settings.Seed, (ulong)u, StreamIds.Return, 0);
            var first = StationaryStart.FirstSession(users, u, _state.Return, startSecond, _state.HorizonSecond, ref rng);
            users.Draws.Return[u] = rng.Counter;
            if (first != ReturnModel.Beyond && first >= startSecond && _state.TickOf(first) < settings.EndTick)
            {
                _state.Wheel.Schedule(u, _state.TickOf(first));
            }
        }

        Loop = new SimLoop(settings.TickSeconds, settings.StartTick);
        if (settings.WarmupDays > 0)
        {
            Add(WorldSystem.WarmupEnd, new WarmupEndSystem(_state));
        }

        Add(WorldSystem.Campaign, new CampaignSystem(_state));
        Add(WorldSystem.SessionStart, new SessionStartSystem(_state));
        Add(WorldSystem.Sessions, new SessionSystem(_state));
        Add(WorldSystem.Feedback, new FeedbackSystem(_state));
        Add(WorldSystem.Upload, new UploadSystem(_state));
        Add(WorldSystem.RecommenderTrain, new RecommenderTrainSystem(_state));
        Add(WorldSystem.CreatorChurn, new CreatorChurnSystem(_state));
        Add(WorldSystem.DayRollup, new DayRollupSystem(_state, _observers));
    }

    public SimLoop Loop { get; }

    /// <summary>The role of one of the loop's systems; <see cref="WorldSystem.Other"/> for systems added from outside.</summary>
    public WorldSystem RoleOf(ISimSystem system) => _roles.TryGetValue(system, out var role) ? role : WorldSystem.Other;

    private void Add(WorldSystem role, ISimSystem system)
    {
        _roles.Add(system, role);
        Loop.Add(system);
    }

    public WorldSettings Settings => _state.Settings;

    public long EndTick => _state.Settings.EndTick;

    public UserTable Users => _state.Users;

    public ContentSupply Content => _state.Content;

    public RecommenderCore Recommender => _state.Recommender;

    /// <summary>Users in a session right now.</summary>
    public int ActiveSessions => _state.ActiveCount;

    /// <summary>Users waiting in the timing wheel for their next session.</summary>
    public long Sleeping => _state.Wheel.Pending;

    public long TotalImpressions => _state.TotalImpressions;

    /// <summary>
    /// The churn label (behaviour.churn_after_days = N): of the users active on a reported day at
    /// least N days before the end, the share with no visit in the last N days. NaN when the run
    /// is too short to tell.
    /// </summary>
    public double ChurnRate(int lastCompleteDay)
    {
        var n = _state.Settings.Behaviour.ChurnAfterDays;
        var activity = _state.Users.Activity;
        long cohort = 0, churned = 0;
        for (var u = 0; u < activity.Count; u++)
        {
            var first = activity.FirstActiveDay[u];
            if (first < 0 || first > lastCompleteDay - n)
            {
                continue;
            }

            cohort++;
            churned += activity.LastActiveDay[u] <= lastCompleteDay - n ? 1 : 0;
        }

        return cohort == 0 ? double.NaN : (double)churned / cohort;
    }

    /// <summary>
    /// Times the loop's systems, the recommender's stages, its feed requests and batch work with
    /// <paramref name="clock"/> from now on (benchmarks only). Without it the world reads no clock.
    /// </summary>
    public void ProfileWith(ProfileClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _state.Clock = clock;
        Loop.ProfileWith(clock.Now, clock.TicksPerSecond);
        _state.Recommender.ProfileStagesWith(clock);
    }

    /// <summary>Wall seconds spent serving feed requests, summed over worker threads (0 unless profiling).</summary>
    public double RecommendSeconds => _state.Clock?.Seconds(_state.RecommendTicks) ?? 0;

    /// <summary>Feed requests served so far (profiling only).</summary>
    public long Requests => _state.Requests;

    /// <summary>Video slots those requests returned; fewer are watched, because a session can end mid-slate (profiling only).</summary>
    public long SlotsServed => _state.SlotsServed;

    /// <summary>Wall seconds spent logging impressions and in refresh/training/evaluation (0 unless profiling).</summary>
    public double RecommenderBatchSeconds => _state.Clock?.Seconds(_state.RecommenderBatchTicks) ?? 0;

    public void AddObserver(IWorldObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Add(observer);
    }

    /// <summary>The scenario's campaigns and their ledger; null without campaigns.</summary>
    public Marketing.CampaignBook? Campaigns => _state.Campaigns;

    /// <summary>Adds a consumer of the impression log of the reported days.</summary>
    public void AddImpressionSink(IImpressionSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _state.Sinks.Add(sink);
    }

    /// <summary>
    /// Classic day-N retention pooled over install cohorts: of users who installed on day f with
    /// f + N inside the run, the share active again on day f + N. Without installs in the run it
    /// falls back to first-activity cohorts. NaN when no cohort qualifies.
    /// </summary>
    public double Retention(int n, int lastCompleteDay)
    {
        var users = _state.Users;
        return CohortRetention.Rate(users.Activity.FirstActiveDay, users.Activity.ActiveDays, users.Persona.InstallSecond, _state.Settings.Population.InstallingShare > 0, n, lastCompleteDay);
    }

    /// <summary>Mean Jaccard similarity of the sets of videos pairs of sampled users watched on the reported days (see <see cref="Homogenization"/>).</summary>
    public double HomogenizationIndex() => _state.Consumption.MeanJaccard();

    /// <summary>Users who were ever active.</summary>
    public int EverActive()
    {
        var count = 0;
        foreach (var d in _state.Users.Activity.FirstActiveDay)
        {
            if (d >= 0)
            {
                count++;
            }
        }

        return count;
    }

    public void Dispose() => _state.Scheduler.Dispose();

    // The wheel spans at least two days of ticks, so most wake-ups skip the overflow list.
    private static int WheelBits(int tickSeconds)
    {
        var ticks = 2 * 86_400 / tickSeconds;
        var bits = 1;
        while ((1 << bits) < ticks && bits < 24)
        {
            bits++;
        }

        return bits;
    }
}
