using Recommender.Abstractions;
using Recommender.Policies;
using Recommender.State;

namespace Recommender;

/// <summary>
/// The platform's recommender: accounts and videos are registered, feed requests return
/// slates, logged impressions flow back, and batch work runs when the host calls
/// <see cref="Advance"/>. It sees only what a platform sees.
/// </summary>
/// <remarks>
/// Threading contract: <see cref="Recommend"/> may run concurrently for distinct users;
/// every other member runs alone, between request phases.
/// </remarks>
public sealed class RecommenderCore
{
    private readonly PlatformState _state;
    private readonly IFeedPolicy _policy;
    private readonly ValueWeights _weights;
    private readonly float _decayPerRefresh;
    private readonly long _refreshSeconds;
    private long _nextRefresh;

    /// <summary>Creates a core for the given options; sizes are hints that avoid regrowth.</summary>
    public RecommenderCore(RecommenderOptions options, ulong seed, int expectedUsers = 1024, int expectedVideos = 1024)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _state = new PlatformState(options, options.Seed ?? seed, expectedUsers, expectedVideos);
        _weights = options.Weights;
        _refreshSeconds = options.RefreshMinutes * 60L;
        _decayPerRefresh = (float)Math.Pow(0.5, _refreshSeconds / (options.PopularityHalfLifeHours * 3600.0));
        _policy = options.Policy switch
        {
            FeedPolicyKind.Popularity => new PopularityPolicy(_state, options),
            FeedPolicyKind.Random => new RandomPolicy(_state),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Policy, "Unknown feed policy."),
        };
    }

    /// <summary>The options this core was built with.</summary>
    public RecommenderOptions Options { get; }

    /// <summary>Videos in the catalogue.</summary>
    public int VideoCount => _state.Catalog.Count;

    /// <summary>Impressions logged so far.</summary>
    public long ImpressionsLogged { get; private set; }

    /// <summary>Registers or updates an account.</summary>
    public void RegisterUser(in UserAccount account)
    {
        var region = _state.Regions.IndexOf(account.Country);
        _state.Accounts.Set(account, region);
        _state.Served.EnsureUsers(account.UserId + 1);
        _state.Counters.EnsureCapacity(_state.Catalog.Capacity, _state.Regions.Count);
    }

    /// <summary>Adds an uploaded video; ids must be dense and in upload order.</summary>
    public void RegisterVideo(in VideoMetadata video)
    {
        var region = _state.Regions.IndexOf(video.Country);
        _state.Catalog.Add(video, region);
        _state.Counters.EnsureCapacity(_state.Catalog.Capacity, _state.Regions.Count);
    }

    /// <summary>Fills <paramref name="slate"/> with video ids for one feed request; returns how many.</summary>
    public int Recommend(in RecommendationRequest request, Span<int> slate) => _policy.Recommend(request, slate);

    /// <summary>Logs one impression's outcome. Call in a deterministic order.</summary>
    public void Record(in ImpressionFeedback feedback)
    {
        var r = feedback.Reactions;
        var value = _weights.Playtime * feedback.WatchSeconds / 60.0;
        if ((r & Reactions.Finished) != 0) value += _weights.Finish;
        if ((r & Reactions.Liked) != 0) value += _weights.Like;
        if ((r & Reactions.Commented) != 0) value += _weights.Comment;
        if ((r & Reactions.Shared) != 0) value += _weights.Share;
        if ((r & Reactions.Followed) != 0) value += _weights.Follow;
        if ((r & Reactions.NotInterested) != 0) value += _weights.NotInterested;
        var user = feedback.UserId;
        _state.Counters.Add(feedback.VideoId, _state.Accounts.Region(user), (float)value);
        ImpressionsLogged++;
    }

    /// <summary>Runs the batch work that is due at <paramref name="nowSecond"/> (list refresh, counter decay).</summary>
    public void Advance(long nowSecond)
    {
        if (nowSecond < _nextRefresh)
        {
            return;
        }

        _state.Counters.Decay(_decayPerRefresh, _state.Catalog.Count);
        _state.AdvanceFreshWindow(nowSecond);
        _policy.Refresh(nowSecond);
        _nextRefresh = nowSecond + _refreshSeconds;
    }
}
