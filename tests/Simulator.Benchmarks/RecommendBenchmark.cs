using BenchmarkDotNet.Attributes;
using Recommender;
using Recommender.Abstractions;

namespace Simulator.Benchmarks;

/// <summary>
/// Feed requests per second of the full ranked core: 100 candidates fully ranked by trained
/// FastTree heads out of a 100,000-video catalogue, after candidate generation and pre-ranking,
/// then re-ranked into a slate of 8. The model is trained on 300,000 synthetic impressions.
/// </summary>
[MemoryDiagnoser]
public class RecommendBenchmark
{
    private const int Users = 20_000;
    private const int Videos = 100_000;
    private RecommenderCore _core = null!;
    private readonly int[] _slate = new int[8];
    private readonly ServeContext[] _contexts = new ServeContext[8];
    private int _user;
    private long _now = 10 * 86_400;

    [GlobalSetup]
    public void Setup()
    {
        _core = new RecommenderCore(new RecommenderOptions { Policy = FeedPolicyKind.Ranked, RankedCandidates = 100, ServedMemory = 1024 }, 1, Users, Videos);
        for (var u = 0; u < Users; u++)
        {
            _core.RegisterUser(new UserAccount(u, u % 3 == 0 ? "US" : "BR", "en", DeviceKind.AndroidHigh, false));
        }

        for (var v = 0; v < Videos; v++)
        {
            _core.RegisterVideo(new VideoMetadata(v, v % 5000, v % 20, v % 3000, 10 + v % 50, (long)v * 8, v % 2 == 0 ? "US" : "BR"));
        }

        _core.Advance(0);
        var slate = new int[8];
        var contexts = new ServeContext[8];
        for (var i = 0; i < 40_000; i++)
        {
            var u = i % Users;
            var now = 86_400L + i * 2;
            var n = _core.Recommend(new RecommendationRequest(u, now, 20, 0), slate, contexts);
            for (var k = 0; k < n; k++)
            {
                var v = slate[k];
                var liked = v % 20 == u % 20;
                _core.Record(new ImpressionFeedback(u, v, now, liked ? 30 : 3, liked ? Reactions.Finished | Reactions.Liked : Reactions.None, contexts[k]));
            }
        }

        _core.Advance(9 * 86_400);
    }

    [Benchmark(Description = "Recommend (100 fully ranked of 100k)")]
    public int Recommend()
    {
        _user = (_user + 7919) % Users;
        return _core.Recommend(new RecommendationRequest(_user, _now++, 20, 0), _slate, _contexts);
    }
}
