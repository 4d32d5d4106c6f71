using Recommender.Abstractions;
using Recommender.Plugins;

namespace TopicBanditPlugin;

/// <summary>
/// A small, complete feed policy: per user, an ε-greedy bandit over topics learned from watch
/// feedback; per video, a smoothed engagement rate. A request scans the newest uploads, keeps
/// those of the chosen topic that the user was not served, and fills the slate by engagement rate.
/// Deterministic: exploration is a hash of the seed, the user and the second.
/// </summary>
public sealed class TopicBandit : IFeedPlugin
{
    private const int TopicSlots = 32;
    private const int Scan = 3000;
    private const double Epsilon = 0.15;

    private IPlatformView _platform = null!;
    private ulong _seed;
    private float[] _userTopicReward = new float[TopicSlots * 1024];
    private float[] _userTopicCount = new float[TopicSlots * 1024];
    private float[] _videoEngaged = new float[4096];
    private float[] _videoShown = new float[4096];

    public void Initialize(IPlatformView platform, ulong seed)
    {
        _platform = platform;
        _seed = seed;
    }

    public int Recommend(in RecommendationRequest request, Span<int> slate)
    {
        var user = request.UserId;
        var topic = ChooseTopic(user, request.NowSecond);
        var videos = _platform.VideoCount;
        var n = 0;

        // Two passes over the newest uploads: the chosen topic first, then anything, best rate first within each pass's scan order.
        for (var pass = 0; pass < 2 && n < slate.Length; pass++)
        {
            for (var v = videos - 1; v >= Math.Max(0, videos - Scan) && n < slate.Length; v--)
            {
                if ((pass == 0 && _platform.Video(v).Topic % TopicSlots != topic) || _platform.WasServed(user, v) || slate[..n].Contains(v))
                {
                    continue;
                }

                if (Rate(v) >= (pass == 0 ? 0.25 : 0.0))
                {
                    slate[n++] = v;
                }
            }
        }

        return n;
    }

    public void Observe(in ImpressionFeedback feedback)
    {
        var v = feedback.VideoId;
        var u = feedback.UserId;
        if (v < 0)
        {
            return;
        }

        Grow(ref _videoEngaged, ref _videoShown, v + 1);
        Grow(ref _userTopicReward, ref _userTopicCount, (u + 1) * TopicSlots);
        var video = _platform.Video(v);
        var engaged = feedback.WatchSeconds >= 0.6f * video.LengthSeconds || (feedback.Reactions & (Reactions.Liked | Reactions.Shared | Reactions.Finished)) != 0;
        _videoShown[v]++;
        _videoEngaged[v] += engaged ? 1 : 0;
        var slot = (u * TopicSlots) + (video.Topic % TopicSlots);
        _userTopicCount[slot]++;
        _userTopicReward[slot] += engaged ? 1 : 0;
    }

    public void Train(long nowSecond)
    {
        // Old evidence fades by half each day, so tastes and trends can move.
        for (var i = 0; i < _userTopicCount.Length; i++)
        {
            _userTopicCount[i] *= 0.5f;
            _userTopicReward[i] *= 0.5f;
        }
    }

    private int ChooseTopic(int user, long second)
    {
        var draw = Unit(Mix(_seed ^ Mix((ulong)user) ^ Mix((ulong)second * 0x9E37UL)));
        if (draw < Epsilon || (user + 1) * TopicSlots > _userTopicCount.Length)
        {
            return (int)(draw / Epsilon * TopicSlots) % TopicSlots;
        }

        var best = 0;
        var bestMean = -1.0;
        for (var t = 0; t < TopicSlots; t++)
        {
            var i = (user * TopicSlots) + t;
            var mean = (_userTopicReward[i] + 1) / (_userTopicCount[i] + 2);
            if (mean > bestMean)
            {
                best = t;
                bestMean = mean;
            }
        }

        return best;
    }

    private double Rate(int v) => v < _videoShown.Length ? (_videoEngaged[v] + 1) / (_videoShown[v] + 2.0) : 0.5;

    private static void Grow(ref float[] a, ref float[] b, int needed)
    {
        if (needed <= a.Length)
        {
            return;
        }

        var size = Math.Max(needed, a.Length * 2);
        Array.Resize(ref a, size);
        Array.Resize(ref b, size);
    }

    // SplitMix64 finaliser.
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static double Unit(ulong x) => (x >> 11) * (1.0 / (1UL << 53));
}
