using Recommender;
using Recommender.Abstractions;
using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Population;

namespace Simulator.World.Content;

/// <summary>
/// Creators and their uploads. Each upload is registered with the recommender with the
/// metadata a platform would get (topic, sound, length, creator, country); quality stays hidden.
/// </summary>
public sealed class ContentSupply
{
    private RecommenderCore? _recommender;
    private readonly ulong _seed;
    private readonly int _topics;
    private ulong _uploadDraws;

    public ContentSupply(ContentOptions content, PopulationOptions population, BehaviourOptions behaviour, ulong seed, int days)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(behaviour);
        _seed = seed;
        _topics = behaviour.Topics;
        var creatorCount = Math.Max(1, (int)Math.Round(population.Size * content.CreatorsPerThousandUsers / 1000.0));
        Creators = BuildCreators(content, population, creatorCount);
        // Upload counts are Poisson around the total rate: 1.2× plus a margin keeps the arrays
        // from ever regrowing mid-run (the per-tick path must not allocate).
        var expected = (int)Math.Min(int.MaxValue / 2, (creatorCount * content.InitialVideosPerCreator) + (Creators.TotalUploadsPerDay * days * 1.2) + 1024);
        Videos = new VideoTable(expected);
        ExpectedVideos = expected;
    }

    public CreatorTable Creators { get; }

    public VideoTable Videos { get; }

    /// <summary>Catalogue size expected by the end of the run (capacity hint).</summary>
    public int ExpectedVideos { get; }

    /// <summary>Uploads the starting catalogue, spread over the week before the run, and registers it with <paramref name="recommender"/>.</summary>
    public void SeedCatalogue(ContentOptions content, RecommenderCore recommender, long startSecond = 0)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(recommender);
        _recommender = recommender;
        var n = (int)Math.Round(Creators.Count * content.InitialVideosPerCreator);
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

    private void Upload(ref RandomCursor rng, long second)
    {
        var c = UploaderFor(rng.NextDouble() * Creators.TotalUploadsPerDay);
        // Mostly the creator's specialty, sometimes another topic (20 %, a modelling choice).
        var topic = rng.Bernoulli(0.8) ? Creators.Topic[c] : rng.NextInt(_topics);
        var length = (float)Math.Clamp(Creators.MedianLength[c] * Math.Exp(0.5 * rng.Normal()), 3, 600);
        var quality = (float)Math.Clamp(Creators.Quality[c] + 0.1 * rng.Normal(), 0, 1);
        var authenticity = (float)Math.Clamp(Creators.Authenticity[c] + 0.1 * rng.Normal(), 0, 1);
        var id = Videos.Add(topic, length, quality, authenticity, c);
        Creators.FirstUploadSecond[c] = Math.Min(Creators.FirstUploadSecond[c], second);
        var sound = rng.NextInt(Math.Max(16, Creators.Count));
        _recommender!.RegisterVideo(new VideoMetadata(id, c, topic, sound, length, second, Countries.All[Creators.Country[c]].Code));
    }

    private int UploaderFor(double x)
    {
        var i = Array.BinarySearch(Creators.UploadCumulative, x);
        i = i < 0 ? ~i : i;
        return Math.Min(i, Creators.Count - 1);
    }

    private CreatorTable BuildCreators(ContentOptions content, PopulationOptions population, int count)
    {
        var creators = new CreatorTable(count);
        var prior = PopulationBuilder.TopicPrior(_topics);
        var topicCum = new double[_topics];
        double acc = 0;
        for (var t = 0; t < _topics; t++)
        {
            acc += prior[t];
            topicCum[t] = acc;
        }

        var countryCum = new double[Countries.Codes.Length];
        acc = 0;
        for (var i = 0; i < countryCum.Length; i++)
        {
            acc += population.Countries.TryGetValue(Countries.Codes[i], out var v) ? v : 0;
            countryCum[i] = acc;
        }

        double cumulativeRate = 0;
        for (var c = 0; c < count; c++)
        {
            var rng = new RandomCursor(_seed, (ulong)c, StreamIds.Creator);
            creators.Topic[c] = rng.Categorical(topicCum);
            creators.Country[c] = (byte)rng.Categorical(countryCum);
            creators.Quality[c] = (float)Math.Clamp(0.5 + 0.15 * rng.Normal(), 0.05, 0.95);
            // Polish reads as less authentic: UGC scored above brand and TV-style ads
            // (Realeyes 5.2 vs 4.8 vs 3.1, CALIBRATION.md §4), so authenticity falls with quality.
            creators.Authenticity[c] = (float)Math.Clamp(1.0 - creators.Quality[c] + 0.2 * rng.Normal(), 0.02, 0.98);
            creators.MedianLength[c] = (float)(content.MedianLengthSeconds * Math.Exp(0.7 * rng.Normal()));
            // Log-normal sigma 1.5 puts about 80 % of uploads with the top quarter of creators
            // (Pew: top 25 % make 98 %, CALIBRATION.md §3; heavier tails starve the rest entirely).
            var rate = content.UploadsPerCreatorPerDay * Math.Exp(1.5 * rng.Normal());
            creators.UploadsPerDay[c] = (float)rate;
            cumulativeRate += rate;
            creators.UploadCumulative[c] = cumulativeRate;
        }

        return creators;
    }
}
