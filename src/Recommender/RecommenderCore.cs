using Recommender.Abstractions;
using Recommender.Evaluation;
using Recommender.Plugins;
using Recommender.Policies;
using Recommender.Ranking;
using Recommender.Ranking.Onnx;
using Recommender.State;

namespace Recommender;

/// <summary>
/// The platform's recommender: accounts and videos are registered, feed requests return
/// slates, logged impressions flow back, and batch work (list refresh, retraining, offline
/// evaluation) runs when the host calls <see cref="Advance"/>. It sees only what a platform sees.
/// </summary>
/// <remarks>
/// Threading contract: <see cref="Recommend"/> may run concurrently for distinct users;
/// every other member runs alone, between request phases. Training is seeded and
/// single-threaded, so a run is reproducible.
/// </remarks>
public sealed partial class RecommenderCore
{
    private readonly PlatformState _state;
    private readonly IFeedPolicy _policy;
    private readonly RankedPolicy? _ranked;
    private readonly PluginPolicy? _plugin;

    // Users who switched personalisation off (EU DSA Art. 38) get the popular feed whatever the
    // main policy is; null when the main policy is already the popular feed.
    private readonly PopularityPolicy? _nonPersonalized;
    private readonly RankingTrainer _trainer;
    private readonly ValueFormula _value;
    private readonly float _decayPerRefresh;
    private readonly long _refreshSeconds;
    private readonly long _retrainSeconds;
    private readonly List<OfflineEvaluation> _evaluations = [];
    private long _nextRefresh = long.MinValue;
    private long _nextRetrain = long.MinValue;
    private readonly long _windowSeconds;
    private long _modelRow;
    private long _evaluatedRow;
    private long _lastEvaluation;

    /// <summary>
    /// Creates a core for the given options; sizes are hints that avoid regrowth. Retraining fits the
    /// ranking heads on up to <paramref name="threads"/> threads (0: one per core); models are the same for any value.
    /// <paramref name="topics"/> is the size of the platform's content taxonomy (video topic ids
    /// 0 … topics − 1); it sizes the per-user topic history (at most 32 slots, larger ids fold).
    /// <paramref name="threadsNow"/>, when given, says at each retraining how many threads it may use
    /// (cores shared with other work that come and go).
    /// </summary>
    public RecommenderCore(RecommenderOptions options, ulong seed, int expectedUsers = 1024, int expectedVideos = 1024, int threads = 0, int topics = 32, Func<int>? threadsNow = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _state = new PlatformState(options, options.Seed ?? seed, expectedUsers, expectedVideos, topics);
        _state.Pool.Resize(expectedUsers);
        _value = new ValueFormula(options.Weights);
        _trainer = new RankingTrainer(options, _state.Seed, threads, threadsNow);
        _refreshSeconds = options.RefreshMinutes * 60L;
        _retrainSeconds = (long)(options.RetrainHours * 3600);
        _windowSeconds = (long)(options.TrainingWindowHours * 3600);
        _decayPerRefresh = (float)Math.Pow(0.5, _refreshSeconds / (options.PopularityHalfLifeHours * 3600.0));
        _policy = options.Policy switch
        {
            FeedPolicyKind.Ranked or FeedPolicyKind.Untrained => _ranked = new RankedPolicy(_state, options),
            FeedPolicyKind.Popularity => new PopularityPolicy(_state, options),
            FeedPolicyKind.Random => new RandomPolicy(_state),
            FeedPolicyKind.Chronological => new ChronologicalPolicy(_state),
            FeedPolicyKind.Plugin => _plugin = new PluginPolicy(_state, PluginLoader.Create(options.Plugin.Assembly ?? "", options.Plugin.Type ?? ""), options.Plugin.Type ?? ""),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Policy, "Unknown feed policy."),
        };
        _nonPersonalized = _policy is PopularityPolicy ? null : new PopularityPolicy(_state, options);
        if (options.Ranker.Onnx is { } onnx)
        {
            if (options.Policy != FeedPolicyKind.Ranked)
            {
                throw new ArgumentException($"An external ranker serves the ranked feed only, not '{options.Policy}'.", nameof(options));
            }

            _ranked!.External = RankerModels.Get(onnx);
        }
    }

    /// <summary>The options this core was built with.</summary>
    public RecommenderOptions Options { get; }

    /// <summary>Videos in the catalogue.</summary>
    public int VideoCount => _state.Catalog.Count;

    /// <summary>Impressions logged so far.</summary>
    public long ImpressionsLogged { get; private set; }

    /// <summary>Impressions written to the ranking model's feature log (all but those of users who switched personalisation off).</summary>
    public long TrainingRowsLogged => _state.Log.Written;

    /// <summary>Times the ranking heads were trained.</summary>
    public int Trainings { get; private set; }

    /// <summary>Offline evaluations of each trained model on the impressions logged after it, oldest first.</summary>
    public IReadOnlyList<OfflineEvaluation> Evaluations => _evaluations;

    /// <summary>Traffic-pool promotions and exits so far.</summary>
    public (int Promotions, int Exits, int InPool) TrafficPool => (_state.Pool.Promotions, _state.Pool.Exits, _state.Pool.Count);

    /// <summary>Registers or updates an account.</summary>
    public void RegisterUser(in UserAccount account)
    {
        var region = _state.Regions.IndexOf(account.Country);
        _state.Accounts.Set(account, region);
        var users = account.UserId + 1;
        _state.Served.EnsureUsers(users);
        _state.Users.EnsureUsers(users);
        _state.Follows.EnsureUsers(users);
        _state.Embeddings.EnsureUsers(users);
        _state.Counters.EnsureCapacity(_state.Catalog.Capacity, _state.Regions.Count);
    }

    /// <summary>Sizes the traffic pool's tiers for a user base of <paramref name="users"/> accounts.</summary>
    public void SetAudienceSize(int users) => _state.Pool.Resize(users);

    /// <summary>Adds an uploaded video; ids must be dense and in upload order.</summary>
    public void RegisterVideo(in VideoMetadata video)
    {
        var region = _state.Regions.IndexOf(video.Country);
        _state.Catalog.Add(video, region);
        var capacity = _state.Catalog.Capacity;
        _state.Counters.EnsureCapacity(capacity, _state.Regions.Count);
        _state.Videos.EnsureCapacity(capacity);
        _state.Served.EnsureVideos(capacity);
        _state.Embeddings.EnsureVideos(capacity);
        _state.Embeddings.EnsureHashtags(_state.Catalog.HashtagSpan);
        _state.Follows.EnsureCreators(video.CreatorId + 1);
        _state.Follows.Uploaded(video.CreatorId, video.VideoId);
        if (Options.TrafficPool)
        {
            _state.Pool.Enter(video.VideoId);
        }
    }

    /// <summary>
    /// Fills <paramref name="slate"/> with video ids for one feed request and <paramref name="contexts"/>
    /// (at least as long as the slate) with each slot's serving context, which the client hands back
    /// with the impression (<see cref="ImpressionFeedback.Context"/>); returns how many were written.
    /// </summary>
    public int Recommend(in RecommendationRequest request, Span<int> slate, Span<ServeContext> contexts)
    {
        if (contexts.Length < slate.Length)
        {
            throw new ArgumentException($"The contexts span ({contexts.Length}) is shorter than the slate ({slate.Length}).", nameof(contexts));
        }

        return _nonPersonalized is not null && _state.Accounts.NonPersonalized(request.UserId)
            ? _nonPersonalized.Recommend(request, slate, contexts)
            : _policy.Recommend(request, slate, contexts);
    }

    /// <summary>Logs one impression's outcome. Call in a deterministic order.</summary>
    public void Record(in ImpressionFeedback feedback)
    {
        var user = feedback.UserId;
        var video = feedback.VideoId;
        var length = _state.Catalog.Length(video);
        var r = feedback.Reactions;

        // A user who switched personalisation off keeps no profile: their outcomes still count in
        // the aggregate, non-profiling signals (popularity counters, video statistics, the
        // traffic pool) and their explicit follows stand, but they are neither logged as ranking
        // features nor learned into topic signals or embeddings.
        var profiled = !_state.Accounts.NonPersonalized(user);

        // Feature logging first: the row must describe what the platform knew when it served.
        if (profiled && _state.Log.Admit())
        {
            feedback.Context.Read(out var hour, out var position, out var propensity);
            Features.Fill(_state, user, video, feedback.NowSecond, hour, position, _state.Log.NextFeatures());
            _state.Log.Commit(user, feedback.NowSecond, feedback.WatchSeconds, length, r, propensity, video);
        }

        _plugin?.Plugin.Observe(feedback);
        _state.Counters.Add(video, _state.Accounts.Region(user), (float)_value.Realised(feedback.WatchSeconds, r));

        var finished = (r & Reactions.Finished) != 0;
        var liked = (r & Reactions.Liked) != 0;
        _state.Videos.Record(video, feedback.NowSecond, finished, liked, (r & Reactions.Shared) != 0, (r & Reactions.NotInterested) != 0);
        var positive = Features.IsPositive(feedback, length);
        // Engagement strength: share of the video watched, plus explicit reactions; none for "not interested".
        var engagement = (r & Reactions.NotInterested) != 0 ? 0f
            : Math.Min(1f, feedback.WatchSeconds / length) + (liked ? 1f : 0f) + ((r & Reactions.Shared) != 0 ? 1f : 0f);
        if (profiled)
        {
            _state.Users.Record(user, _state.Catalog.Topic(video), feedback.NowSecond, engagement, finished, liked);
            _state.Embeddings.Update(user, video, _state.Catalog.Hashtags(video), positive, _state.Videos.Lifetime(video), feedback.NowSecond);
        }
        if ((r & Reactions.Followed) != 0)
        {
            _state.Follows.Follow(user, _state.Catalog.Creator(video));
        }
        else if ((r & Reactions.NotInterested) != 0)
        {
            // "Not interested" in a followed creator's video reads as an unfollow.
            _state.Follows.Unfollow(user, _state.Catalog.Creator(video));
        }

        ImpressionsLogged++;
    }

    /// <summary>Bytes of the rolling impression/feature log (fixed size, <see cref="RecommenderOptions.LogCapacity"/> rows).</summary>
    public long LogBytes => _state.Log.Bytes;

    /// <summary>
    /// Times the stages of ranked requests with <paramref name="clock"/> (benchmarks only; null,
    /// the default, times nothing). Read the times with <see cref="StageSeconds"/>.
    /// </summary>
    public void ProfileStagesWith(Diagnostics.ProfileClock? clock)
    {
        if (_ranked is not null)
        {
            _ranked.Profile.Clock = clock;
        }
    }

    /// <summary>Seconds spent in each stage of ranked requests while a clock was set (<see cref="ProfileStagesWith"/>), summed over threads; empty for other policies.</summary>
    public IReadOnlyList<(string Stage, double Seconds)> StageSeconds() =>
        _ranked is null ? [] : [.. StageProfile.Names.Select((name, i) => (name, _ranked.Profile.Seconds(i)))];

    /// <summary>One more than the largest hashtag id in the catalogue.</summary>
    public int HashtagSpan => _state.Catalog.HashtagSpan;

    /// <summary>The user's logged engagement with <paramref name="topic"/> relative to an even spread (1 = average), from the platform's own logs.</summary>
    public float TopicAffinity(int user, int topic) => _state.Users.TopicAffinity(user, topic);

    /// <summary>Runs the batch work that is due at <paramref name="nowSecond"/>: list refresh, counter decay, retraining.</summary>
    public void Advance(long nowSecond)
    {
        if (nowSecond >= _nextRefresh)
        {
            _state.Counters.Decay(_decayPerRefresh, _state.Catalog.Count);
            _state.Videos.Decay(_decayPerRefresh, _state.Catalog.Count);
            _state.AdvanceFreshWindow(nowSecond);
            _state.RebuildTopicPools(100);
            _state.Pool.Refresh(_state.Videos);
            _policy.Refresh(nowSecond);
            if (_nonPersonalized is not null && _state.Accounts.NonPersonalizedCount > 0)
            {
                _nonPersonalized.Refresh(nowSecond);
            }
            _nextRefresh = nowSecond + _refreshSeconds;
        }

        if (nowSecond >= _nextRetrain)
        {
            Retrain(nowSecond);
            _nextRetrain = nowSecond + _retrainSeconds;
        }
    }

    /// <summary>
    /// Forgets every learned and observed signal (model, embeddings, counters, history, follows,
    /// served lists, log) while keeping accounts and the catalogue: the buyer's starting point.
    /// </summary>
    public void ForgetLearnedState()
    {
        _state.ForgetLearnedState();
        if (_ranked is not null)
        {
            _ranked.Model = null;
        }

        _modelRow = 0;
        _evaluatedRow = 0;
        _nextRefresh = long.MinValue;
        _nextRetrain = long.MinValue;
    }

    internal PlatformState State => _state;

    /// <summary>
    /// The platform state's parts by name (log, served history, signals, embeddings, follows,
    /// catalogue, counters…), as opaque objects: for memory accounting in benchmarks.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object>> StateParts() =>
    [
        new("Log", _state.Log), new("Served", _state.Served), new("Users", _state.Users), new("Embeddings", _state.Embeddings),
        new("Follows", _state.Follows), new("Catalog", _state.Catalog), new("Counters", _state.Counters), new("Videos", _state.Videos),
        new("Pool", _state.Pool), new("Accounts", _state.Accounts), new("Regions", _state.Regions), new("TopicPools", _state.TopicPools),
    ];

    internal RankingTrainer Trainer => _trainer;

    internal RankingModel? Model => _ranked?.Model;
}
