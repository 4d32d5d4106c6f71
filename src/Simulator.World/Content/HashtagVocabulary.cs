using Recommender.Abstractions;
using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Randomness;

namespace Simulator.World.Content;

/// <summary>
/// The hashtags uploaders choose from: <c>content.hashtags_per_topic</c> tags per topic, each with
/// a hidden taste direction, then a few general tags (#fyp-style, no meaning), then one brand tag
/// per campaign. An uploader tags a video with 1–3 tags of its topic, preferring tags whose
/// direction matches the video's taste (weight exp(κ·cos)), and sometimes a general tag. Tags
/// therefore carry real but noisy information about a video's taste, which the platform can learn.
/// </summary>
public sealed class HashtagVocabulary
{
    /// <summary>Meaningless tags put on many videos ("#fyp", "#viral").</summary>
    public const int GeneralTags = 8;

    // Share of uploads with a general tag (a modelling choice; such tags are common but not measured).
    private const double GeneralTagShare = 0.4;

    private readonly TasteVector[] _directions;
    private readonly double _focus;

    public HashtagVocabulary(int topics, int perTopic, double focus, ulong seed)
    {
        Topics = topics;
        PerTopic = perTopic;
        _focus = focus;
        _directions = new TasteVector[topics * perTopic];
        for (var h = 0; h < _directions.Length; h++)
        {
            var rng = new RandomCursor(seed, (1UL << 43) | (uint)h, StreamIds.Taste);
            _directions[h] = TasteVector.Draw(ref rng, default, 0);
        }
    }

    public int Topics { get; }

    public int PerTopic { get; }

    /// <summary>Id of the first general tag.</summary>
    public int FirstGeneral => Topics * PerTopic;

    /// <summary>The brand tag of campaign <paramref name="campaign"/>.</summary>
    public int BrandTag(int campaign) => FirstGeneral + GeneralTags + campaign;

    /// <summary>Topic of a topic tag, −1 for general and brand tags.</summary>
    public int TopicOf(int tag) => tag < FirstGeneral ? tag / PerTopic : -1;

    /// <summary>Hidden taste direction of a topic tag.</summary>
    public ref readonly TasteVector Direction(int tag) => ref _directions[tag];

    /// <summary>Tags for an upload of <paramref name="topic"/> with taste <paramref name="taste"/>; a campaign video also carries its brand tag.</summary>
    public HashtagSet Choose(ref RandomCursor rng, int topic, in TasteVector taste, int campaign = -1)
    {
        Span<int> chosen = stackalloc int[HashtagSet.Capacity];
        var n = 0;
        if (campaign >= 0)
        {
            chosen[n++] = BrandTag(campaign);
        }

        // 1, 2 or 3 topic tags (30 / 40 / 30 %), fewer when a brand tag takes a place.
        var u = rng.NextDouble();
        var want = Math.Min(HashtagSet.Capacity - n, u < 0.3 ? 1 : u < 0.7 ? 2 : 3);
        Span<double> weight = stackalloc double[PerTopic];
        var first = topic * PerTopic;
        double total = 0;
        for (var j = 0; j < PerTopic; j++)
        {
            weight[j] = Math.Exp(_focus * TasteVector.Cosine(taste, _directions[first + j]));
            total += weight[j];
        }

        for (var i = 0; i < want && total > 0; i++)
        {
            var x = rng.NextDouble() * total;
            var j = 0;
            while (j < PerTopic - 1 && (x -= weight[j]) >= 0)
            {
                j++;
            }

            chosen[n++] = first + j;
            total -= weight[j];
            weight[j] = 0;
        }

        if (n < HashtagSet.Capacity && rng.Bernoulli(GeneralTagShare))
        {
            chosen[n++] = FirstGeneral + rng.NextInt(GeneralTags);
        }

        return HashtagSet.Of(chosen[..n]);
    }
}
