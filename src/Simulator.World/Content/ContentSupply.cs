using Recommender;
using Recommender.Abstractions;
using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Population;
using Simulator.World.Randomness;

namespace Simulator.World.Content;

/// <summary>
/// Creators and their uploads. Each upload is registered with the recommender with the
/// metadata a platform would get (topic, hashtags, sound, length, creator, country); quality,
/// authenticity and the taste vector stay hidden.
/// </summary>
public sealed class ContentSupply
{
    private RecommenderCore? _recommender;
    private readonly ulong _seed;
    private readonly int _topics;
    private readonly double _styleConsistency;
    private ulong _uploadDraws;

    public ContentSupply(ContentOptions content, PopulationOptions population, BehaviourOptions behaviour, ulong seed, int days, UserTable? users = null, int reservedCreators = 0)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(behaviour);
        _seed = seed;
        _topics = behaviour.Topics;
        var (creatorCount, sampleCreators) = CreatorCounts(content, population.Size);
        Creators = CreatorRoster.Build(content, population, creatorCount, sampleCreators, reservedCreators, users, seed, _topics);
        CreatorRoster.DrawNewcomers(Creators, content.NewCreatorShare, days, seed);
        _styleConsistency = content.StyleConsistency;
        Hashtags = new HashtagVocabulary(_topics, content.HashtagsPerTopic, content.HashtagFocus, seed);
        for (var c = 0; c < Creators.Count; c++)
        {
            var rng = new RandomCursor(seed, (1UL << 40) | (uint)c, StreamIds.Taste);
            Creators.Style[c] = TasteVector.Draw(ref rng, default, 0);
        }

        // Upload counts are Poisson around the total rate: 1.2× plus a margin keeps the arrays
        // from ever regrowing mid-run (the per-tick path must not allocate).
        var expected = (int)Math.Min(int.MaxValue / 2, (creatorCount * content.InitialVideosPerCreator) + (Creators.FullUploadsPerDay * days * 1.2) + 1024);
        Videos = new VideoTable(expected);
        ExpectedVideos = expected;
    }

    public CreatorTable Creators { get; }

    /// <summary>
    /// Organic creators of a world of <paramref name="users"/> users, and how many of them are the
    /// sample's own posters; the rest come from outside the sample up to the catalogue floor.
    /// </summary>
    public static (int Creators, int FromSample) CreatorCounts(ContentOptions content, int users)
    {
        ArgumentNullException.ThrowIfNull(content);
        var sample = Math.Max(1, (int)Math.Round(users * content.CreatorsPerThousandUsers / 1000.0));
        var floor = (int)Math.Round(content.CatalogueMinUsers * content.CreatorsPerThousandUsers / 1000.0);
        return (Math.Max(sample, floor), sample);
    }

    /// <summary>
    /// Simulated followers per published follower in the tier thresholds, set once from the seeded
    /// follow graph (<see cref="CreatorTiers.ScaleFromFollowers"/>); tiers of hiring and of reports use it.
    /// </summary>
    public double TierScale { get; private set; } = double.NaN;

    /// <summary>
    /// Declares the friend circles to the platform, seeds the follows accounts hold before the run and
    /// fixes <see cref="TierScale"/> from them. Call before <see cref="SeedCatalogue"/>: the circles'
    /// upload lists start with the catalogue.
    /// </summary>
    public void SeedFollows(ContentOptions content, int topics, ulong seed, Population.UserTable users, Recommender.RecommenderCore recommender)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(recommender);
        Friendships? friends = null;
        if (Creators.PersonalCount > 0)
        {
            friends = Friendships.Build(Creators, users, content.FriendCircleUsers, seed);
            recommender.DefineFriendCircles(friends.CircleOf, friends.Accounts);
        }

        TierScale = FollowSeeding.Seed(content, Creators, friends, topics, seed, users, recommender);
    }

    public VideoTable Videos { get; }

    public HashtagVocabulary Hashtags { get; }

    /// <summary>
    /// Videos served only by the ad system (paid placements, live streams, subscriber drops). They
    /// never enter the ranker's catalogue; in slates and logs they carry negative ids (~index).
    /// </summary>
    public VideoTable SlotVideos { get; } = new(64);

    /// <summary>What a viewer perceives of video <paramref name="v"/> (negative: a slot video).</summary>
    public VideoView View(int v) => v >= 0 ? Videos.View(v) : SlotVideos.View(~v);

    public int CreatorOf(int v) => v >= 0 ? Videos.Creator(v) : SlotVideos.Creator(~v);

    public int TopicOf(int v) => v >= 0 ? Videos.Topic(v) : SlotVideos.Topic(~v);

    /// <summary>Hashtags of video <paramref name="v"/> (negative: a slot video).</summary>
    public HashtagSet HashtagsOf(int v) => v >= 0 ? Videos.Hashtags(v) : SlotVideos.Hashtags(~v);

    public float LengthOf(int v) => v >= 0 ? Videos.Length(v) : SlotVideos.Length(~v);

    /// <summary>Catalogue size expected by the end of the run (capacity hint).</summary>
    public int ExpectedVideos { get; }

    /// <summary>Uploads the starting catalogue, spread over the week before the run, and registers it with <paramref name="recommender"/>.</summary>
    public void SeedCatalogue(ContentOptions content, RecommenderCore recommender, long startSecond = 0)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(recommender);
        _recommender = recommender;
        var n = (int)Math.Round((Creators.Count - Creators.PersonalCount) * content.InitialVideosPerCreator);
        var rng = new RandomCursor(_seed, 0, StreamIds.Upload, 0);
        var start = startSecond - 7L * 86_400;
        for (var i = 0; i < n; i++)
        {
            var second = start + (long)(7.0 * 86_400 * i / Math.Max(1, n));
            Upload(ref rng, second);
        }

        _uploadDraws = rng.Counter;
    }

    /// <summary>Uploads arriving during one tick: Poisson in number, uploader in proportion to rate.</summary>
    public int UploadDuring(long tickStartSecond, int tickSeconds)
    {
        var rng = new RandomCursor(_seed, 0, StreamIds.Upload, _uploadDraws);
        var mean = Creators.TotalUploadsPerDay * tickSeconds / 86_400.0;
        var count = rng.Poisson(mean);
        for (var i = 0; i < count; i++)
        {
            Upload(ref rng, tickStartSecond + rng.NextInt(tickSeconds));
        }

        _uploadDraws = rng.Counter;
        return count;
    }

    /// <summary>Uploads one campaign video by <paramref name="creator"/>; <paramref name="register"/> false keeps it out of the organic ranker (paid placements, subscriber drops) and returns its negative slot id.</summary>
    public int UploadCampaignVideo(int creator, int topic, short campaign, VideoMarks flags, long second, float length, bool register, ref RandomCursor rng)
    {
        var quality = (float)Math.Clamp(Creators.Quality[creator] + 0.1 * rng.Normal(), 0, 1);
        var authenticity = (float)Math.Clamp(Creators.Authenticity[creator] + 0.1 * rng.Normal(), 0, 1);
        Creators.FirstUploadSecond[creator] = Math.Min(Creators.FirstUploadSecond[creator], second);
        Creators.VideoCount[creator]++;
        var (taste, tags) = TasteAndTags(register ? 1UL << 41 : 1UL << 42, register ? Videos.Count : SlotVideos.Count, creator, topic, campaign);
        if (!register)
        {
            return ~SlotVideos.Add(topic, length, quality, authenticity, creator, second, campaign, flags, taste, tags);
        }

        var id = Videos.Add(topic, length, quality, authenticity, creator, second, campaign, flags, taste, tags);
        var sound = rng.NextInt(Math.Max(16, Creators.Count - Creators.PersonalCount));
        _recommender!.RegisterVideo(new VideoMetadata(id, creator, topic, sound, length, second, Countries.All[Creators.Country[creator]].Code, tags));
        return id;
    }

    private void Upload(ref RandomCursor rng, long second)
    {
        if (Creators.TotalUploadsPerDay <= 0)
        {
            return;
        }

        var c = UploaderFor(rng.NextDouble() * Creators.TotalUploadsPerDay);
        // Mostly the creator's specialty, sometimes another topic (20 %, a modelling choice).
        var topic = rng.Bernoulli(0.8) ? Creators.Topic[c] : rng.NextInt(_topics);
        var length = (float)Math.Clamp(Creators.MedianLength[c] * Math.Exp(0.5 * rng.Normal()), 3, 600);
        var quality = (float)Math.Clamp(Creators.Quality[c] + 0.1 * rng.Normal(), 0, 1);
        var authenticity = (float)Math.Clamp(Creators.Authenticity[c] + 0.1 * rng.Normal(), 0, 1);
        var (taste, tags) = TasteAndTags(1UL << 41, Videos.Count, c, topic, -1);
        var id = Videos.Add(topic, length, quality, authenticity, c, second, taste: taste, tags: tags);
        Creators.FirstUploadSecond[c] = Math.Min(Creators.FirstUploadSecond[c], second);
        Creators.VideoCount[c]++;
        var sound = rng.NextInt(Math.Max(16, Creators.Count - Creators.PersonalCount));
        _recommender!.RegisterVideo(new VideoMetadata(id, c, topic, sound, length, second, Countries.All[Creators.Country[c]].Code, tags));
    }

    // Taste and hashtags of a new video, from their own stream keyed by the video (catalogue
    // videos and slot videos in separate ranges), so that the upload and campaign dice are unchanged.
    private (TasteVector Taste, HashtagSet Tags) TasteAndTags(ulong range, int index, int creator, int topic, int campaign)
    {
        var rng = new RandomCursor(_seed, range | (uint)index, StreamIds.Taste);
        var taste = TasteVector.Draw(ref rng, Creators.Style[creator], _styleConsistency);
        return (taste, Hashtags.Choose(ref rng, topic, taste, campaign));
    }

    private int UploaderFor(double x)
    {
        var i = Array.BinarySearch(Creators.UploadCumulative, 0, Creators.OrganicCount, x);
        i = i < 0 ? ~i : i;
        return Math.Min(i, Creators.OrganicCount - 1);
    }
}
