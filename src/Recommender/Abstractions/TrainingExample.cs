namespace Recommender.Abstractions;

/// <summary>
/// One logged impression as the ranking heads learn from it: the feature row as it was when the
/// video was served (<see cref="Ranking.FeatureContract"/> order) and the outcome.
/// </summary>
public readonly ref struct TrainingExample
{
    /// <summary>Creates an example.</summary>
    public TrainingExample(long second, int user, int video, ReadOnlySpan<float> features, float watchSeconds, float lengthSeconds, Reactions reactions, float propensity, int labels)
    {
        Second = second;
        User = user;
        Video = video;
        Features = features;
        WatchSeconds = watchSeconds;
        LengthSeconds = lengthSeconds;
        Reactions = reactions;
        Propensity = propensity;
        Labels = labels;
    }

    /// <summary>Simulation second of the impression.</summary>
    public long Second { get; }

    /// <summary>The viewer's account id.</summary>
    public int User { get; }

    /// <summary>The video id.</summary>
    public int Video { get; }

    /// <summary>The contract's feature row.</summary>
    public ReadOnlySpan<float> Features { get; }

    /// <summary>Seconds watched.</summary>
    public float WatchSeconds { get; }

    /// <summary>The video's duration in seconds.</summary>
    public float LengthSeconds { get; }

    /// <summary>The reactions of the impression.</summary>
    public Reactions Reactions { get; }

    /// <summary>Probability with which the video was chosen for its slot (1 unless an exploration slot).</summary>
    public float Propensity { get; }

    /// <summary>Bit k set when the label of probability output k of the contract is true (valid_view, finish, …, not_interested).</summary>
    public int Labels { get; }
}
