using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Tests;

public sealed class RankedPolicyTests
{
    private const int Users = 200;
    private const int Videos = 600;

    // A small platform where the truth is simple: user u likes topic u % 5; video v has topic v % 5,
    // creator v % 40, and videos with v % 7 == 0 get shared a lot.
    private static RecommenderCore Core(ValueWeights? weights = null, FeedPolicyKind policy = FeedPolicyKind.Ranked, int topics = 32, double exploration = 0, double diversity = 0)
    {
        var core = new RecommenderCore(new RecommenderOptions
        {
            Policy = policy,
            Weights = weights ?? new ValueWeights(),
            TrainingRows = 20_000,
            Trees = 10,
            ExplorationRate = exploration,
            RetrainHours = 12,
            // These tests are about what the heads learn, not when: retrain on every schedule.
            RetrainMinNewRows = 0,
            // Each synthetic user here likes a single topic, so the per-slate topic cap and the
            // diversity terms (which exist for real, multi-topic users) are switched off.
            TopicCapPerSlate = 8,
            DiversityWeight = diversity,
            FatiguePenalty = 0,
            // 600 videos, 120 per topic: a long memory of served videos would use up a user's
            // topic within the test's days; the ring alone keeps these learning tests about learning.
            SeenMemory = 0,
        }, seed: 3, Users, Videos, topics: topics);
        for (var u = 0; u < Users; u++)
        {
            core.RegisterUser(new UserAccount(u, "US", "en", DeviceKind.Ios, false));
        }

        for (var v = 0; v < Videos; v++)
        {
            core.RegisterVideo(new VideoMetadata(v, v % 40, v % 5, v, 15 + v % 30, -86_400, "US"));
        }

        core.Advance(0);
        return core;
    }

    [Fact]
    public void Should_ServeTheSameSlates_When_TopicHistoryIsSizedToTheTaxonomy()
    {
        // Given two platforms with the same 5-topic catalogue, one keeping 32 topic slots per
        // user (the most) and one sized to its taxonomy (8, the least it keeps)
        var full = Core();
        var sized = Core(topics: 5);
        Assert.Equal(32, full.State.Users.TopicSlots);
        Assert.Equal(8, sized.State.Users.TopicSlots);

        // When both serve and learn from the same behaviour for two days
        for (var d = 0; d < 2; d++)
        {
            Day(full, d);
            Day(sized, d);
        }

        // Then every user's next slate and learned topic affinities are identical
        var a = new int[8];
        var b = new int[8];
        var contextsA = new ServeContext[8];
        var contextsB = new ServeContext[8];
        for (var u = 0; u < Users; u++)
        {
            var request = new RecommendationRequest(u, 3 * 86_400 + u, 20, 0);
            Assert.Equal(full.Recommend(request, a, contextsA), sized.Recommend(request, b, contextsB));
            Assert.Equal(a, b);
            Assert.Equal(contextsA, contextsB);
            for (var t = 0; t < 5; t++)
            {
                Assert.Equal(full.TopicAffinity(u, t), sized.TopicAffinity(u, t));
            }
        }
    }

    [Fact]
    public void Should_LogTheServingContext_When_TheImpressionEchoesItBack()
    {
        // Given a trained ranked core that explores half its slots
        var core = Core(exploration: 0.5);
        Day(core, 0);
        var slate = new int[8];
        var contexts = new ServeContext[8];

        // When user 3 asks for a feed at local hour 21, 40 items into a session
        var n = core.Recommend(new RecommendationRequest(3, 86_400 + 5, 21, 40), slate, contexts);

        // Then each slot's context says what the platform knew: the hour, the slot's position, the propensity
        Assert.Equal(8, n);
        for (var i = 0; i < n; i++)
        {
            Assert.True(contexts[i].Known);
            Assert.Equal(21, contexts[i].Hour);
            Assert.Equal(40 + i, contexts[i].Position);
            Assert.InRange(contexts[i].Propensity, 1e-6f, 0.5f);
        }

        // and an impression that carries it back is logged with it, whenever it is recorded
        var log = core.State.Log;
        for (var i = n - 1; i >= 0; i--)
        {
            core.Record(new ImpressionFeedback(3, slate[i], 86_400 + 600, 10, Reactions.None, contexts[i]));
            var row = log.Written - 1;
            Assert.Equal(21f, log.FeaturesOf(row)[(int)Ranking.Feature.LocalHour]);
            Assert.Equal(MathF.Log(1f + 40 + i), log.FeaturesOf(row)[(int)Ranking.Feature.SessionPosition]);
            Assert.Equal(contexts[i].Propensity, log.Propensity(row));
        }

        // while one without a context logs the unknown one: noon, position 0, propensity 1
        core.Record(new ImpressionFeedback(3, slate[0], 86_400 + 700, 10, Reactions.None));
        var last = log.Written - 1;
        Assert.Equal(12f, log.FeaturesOf(last)[(int)Ranking.Feature.LocalHour]);
        Assert.Equal(0f, log.FeaturesOf(last)[(int)Ranking.Feature.SessionPosition]);
        Assert.Equal(1f, log.Propensity(last));
    }

    private static Reactions Outcome(int user, int video) =>
        video % 5 == user % 5
            ? Reactions.Finished | Reactions.Liked | (video % 7 == 0 ? Reactions.Shared : Reactions.None)
            : Reactions.None;

    // Serves every user for a simulated day and logs what they did, then lets batch work run.
    private static void Day(RecommenderCore core, int day)
    {
        var slate = new int[8];
        var contexts = new ServeContext[8];
        for (var round = 0; round < 6; round++)
        {
            for (var u = 0; u < Users; u++)
            {
                long now = day * 86_400 + round * 3600 + u;
                var n = core.Recommend(new RecommendationRequest(u, now, 12, round * 8), slate, contexts);
                for (var i = 0; i < n; i++)
                {
                    var r = Outcome(u, slate[i]);
                    core.Record(new ImpressionFeedback(u, slate[i], now + i, (r & Reactions.Finished) != 0 ? 20 : 2, r, contexts[i]));
                }
            }

            core.Advance(day * 86_400 + (round + 1) * 3600 * 4);
        }
    }

    private static double MatchShare(RecommenderCore core, long now, out double shareable)
    {
        var slate = new int[8];
        int match = 0, total = 0, shared = 0;
        for (var u = 0; u < Users; u++)
        {
            var n = core.Recommend(new RecommendationRequest(u, now + u, 20, 0), slate, new ServeContext[8]);
            for (var i = 0; i < n; i++)
            {
                match += slate[i] % 5 == u % 5 ? 1 : 0;
                shared += slate[i] % 7 == 0 ? 1 : 0;
                total++;
            }
        }

        shareable = (double)shared / total;
        return (double)match / total;
    }

    [Fact]
    public void Should_SpreadASlateOverCreators_When_TheDiversityWeightIsHigh()
    {
        // Given a trained platform whose users each like one topic made by 8 creators, once
        // without and once with a strong MMR diversity weight (similarity counts the slate's
        // videos of the candidate's topic and of its creator)
        static int RepeatedCreators(RecommenderCore core)
        {
            var slate = new int[8];
            var repeats = 0;
            for (var u = 0; u < Users; u++)
            {
                var n = core.Recommend(new RecommendationRequest(u, 4 * 86_400 + u, 20, 0), slate, new ServeContext[8]);
                for (var i = 1; i < n; i++)
                {
                    repeats += slate.AsSpan(0, i).ToArray().Any(v => v % 40 == slate[i] % 40) ? 1 : 0;
                }
            }

            return repeats;
        }

        var plain = Core();
        var diverse = Core(diversity: 2);
        for (var d = 0; d < 3; d++)
        {
            Day(plain, d);
            Day(diverse, d);
        }

        // When every user asks for a slate
        var without = RepeatedCreators(plain);
        var with = RepeatedCreators(diverse);

        // Then the back-to-back rule alone lets creators come back later in the slate, and the
        // creator term of the diversity penalty keeps them out
        Assert.True(without > Users / 4, $"repeats without diversity {without}");
        Assert.True(with < without / 10, $"repeats with diversity {with}, without {without}");
    }

    [Fact]
    public void Should_LearnEachUsersTopic_When_FeedbackAccumulates()
    {
        var core = Core();
        for (var d = 0; d < 3; d++)
        {
            Day(core, d);
        }

        // Topics are 1 in 5; a learned feed serves the user's own topic far more often
        var match = MatchShare(core, 4 * 86_400, out _);
        Assert.True(match > 0.5, $"own-topic share {match:F2}");
        Assert.True(core.Trainings > 0);
        Assert.NotEmpty(core.Evaluations);
        Assert.True(core.Evaluations[^1].Auc[1] > 0.6, $"finish AUC {core.Evaluations[^1].Auc[1]:F3}");
    }

    [Fact]
    public void Should_NameFeaturesAsPublished_When_TheContractIsRead()
    {
        // Given the names logs, exports and docs use for the feature row
        string[] published =
        [
            "user_topic_affinity", "embedding_score", "video_log_impressions", "video_finish_rate",
            "video_like_rate", "video_share_rate", "video_not_interested_rate", "video_log_age_hours",
            "video_log_length", "follows_creator", "creator_log_followers", "user_log_impressions",
            "user_finish_rate", "user_like_rate", "session_position", "local_hour", "same_country",
            "device", "teen_account", "hashtag_score",
        ];

        // Then the named features give them in row order, and the request-shared ones are the user's and the request's own
        Assert.Equal(published, Ranking.Features.Names);
        Assert.Equal(Ranking.Features.Count, published.Length);
        var shared = Enumerable.Range(0, Ranking.Features.Count).Where(j => ((Ranking.Features.RequestShared >> j) & 1) != 0).Select(j => published[j]);
        Assert.Equal(["user_log_impressions", "user_finish_rate", "user_like_rate", "session_position", "local_hour", "device", "teen_account"], shared);
    }

    [Fact]
    public void Should_FillTheSameRequestSharedFeatures_When_OnlyTheVideoDiffers()
    {
        // Given a platform with a day of behaviour behind it (so user signals differ)
        var core = Core();
        Day(core, 0);
        var row = new float[Ranking.Features.Count];
        var first = new float[Ranking.Features.Count];

        // When one request's features are filled for many different videos
        for (var u = 0; u < Users; u += 17)
        {
            Ranking.Features.Fill(core.State, u, 0, 86_400 + 600, 21, 13, first);
            for (var v = 1; v < Videos; v += 7)
            {
                Ranking.Features.Fill(core.State, u, v, 86_400 + 600, 21, 13, row);

                // Then every feature flagged as request-shared has the first video's value, which is
                // what lets the tree evaluator resolve those splits once per request
                for (var j = 0; j < row.Length; j++)
                {
                    if (((Ranking.Features.RequestShared >> j) & 1) != 0)
                    {
                        Assert.True(row[j] == first[j], $"{Ranking.Features.Names[j]} differs between videos 0 and {v} for user {u}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Should_ScoreEveryHeadBitIdentically_When_TheBatchIsReadByColumns()
    {
        // Given a platform whose heads were trained on two days of behaviour
        var core = Core();
        Day(core, 0);
        Day(core, 1);
        var model = core.Model;
        Assert.NotNull(model);
        Assert.True(model.EvaluatesColumns);
        Assert.Contains(model.HeadModels, h => h is not null);

        // When one request's 45 candidates (not a multiple of 8) are filled row by row and by
        // columns (as served), and scored from each
        const int n = 45, stride = Ranking.Features.Count, columnStride = 48;
        var rows = new float[n * stride];
        var columns = new float[columnStride * stride];
        for (var u = 0; u < Users; u += 23)
        {
            var videos = Enumerable.Range(0, n).Select(r => ((r * 13) + u) % Videos).ToArray();
            for (var r = 0; r < n; r++)
            {
                Ranking.Features.Fill(core.State, u, videos[r], (2 * 86_400) + 600, 21, 13, rows.AsSpan(r * stride, stride));
            }

            Ranking.Features.FillColumns(core.State, u, videos, (2 * 86_400) + 600, 21, 13, columns, columnStride);
            for (var r = 0; r < n; r++)
            {
                for (var j = 0; j < stride; j++)
                {
                    // (the column fill gives every feature the row fill's value)
                    Assert.True(columns[(j * columnStride) + r] == rows[(r * stride) + j], $"{Ranking.Features.Names[j]} of candidate {r}");
                }
            }

            var byRows = new Ranking.FeatureBatch(rows, stride, default, 0, Ranking.Features.RequestShared);
            var byColumns = new Ranking.FeatureBatch(default, stride, columns, columnStride, Ranking.Features.RequestShared);
            var a = new double[n];
            var b = new double[n];
            foreach (var head in new[] { Ranking.Head.Finish, Ranking.Head.Like, Ranking.Head.Comment, Ranking.Head.Share, Ranking.Head.Follow, Ranking.Head.NotInterested })
            {
                model.ProbabilityMany(head, byRows, a);
                model.ProbabilityMany(head, byColumns, b);

                // Then every candidate's probability and watch score is the same double
                Assert.Equal(a.Select(BitConverter.DoubleToInt64Bits), b.Select(BitConverter.DoubleToInt64Bits));
            }

            model.WatchScoresMany(byRows, a);
            model.WatchScoresMany(byColumns, b);
            Assert.Equal(a.Select(BitConverter.DoubleToInt64Bits), b.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Should_ServeMoreShareableVideos_When_ShareWeightRises()
    {
        var plain = Core();
        var shareHeavy = Core(new ValueWeights { Share = 30 });
        for (var d = 0; d < 3; d++)
        {
            Day(plain, d);
            Day(shareHeavy, d);
        }

        MatchShare(plain, 4 * 86_400, out var plainShareable);
        MatchShare(shareHeavy, 4 * 86_400, out var heavyShareable);
        Assert.True(heavyShareable > plainShareable, $"shareable share {plainShareable:F3} → {heavyShareable:F3}");
    }

    [Fact]
    public void Should_NotServeSameCreatorBackToBack_When_Reranking()
    {
        var core = new RecommenderCore(new RecommenderOptions { TopicCapPerSlate = 2, ExplorationRate = 0 }, 3, Users, Videos);
        for (var u = 0; u < Users; u++)
        {
            core.RegisterUser(new UserAccount(u, "US", "en", DeviceKind.Ios, false));
        }

        for (var v = 0; v < Videos; v++)
        {
            core.RegisterVideo(new VideoMetadata(v, v % 40, v % 5, v, 15 + v % 30, -86_400, "US"));
        }

        core.Advance(0);
        Day(core, 0);
        var slate = new int[8];
        for (var u = 0; u < Users; u++)
        {
            var n = core.Recommend(new RecommendationRequest(u, 2 * 86_400 + u, 20, 0), slate, new ServeContext[8]);
            for (var i = 1; i < n; i++)
            {
                Assert.NotEqual(slate[i - 1] % 40, slate[i] % 40);
            }

            // and never more than two of one topic per slate
            Assert.All(slate[..n].GroupBy(v => v % 5), g => Assert.True(g.Count() <= 2));
        }
    }

    [Fact]
    public void Should_ForgetModelAndHistory_When_LearnedStateIsDropped()
    {
        var core = Core(policy: FeedPolicyKind.Untrained);
        for (var d = 0; d < 3; d++)
        {
            Day(core, d);
        }

        var before = MatchShare(core, 4 * 86_400, out _);
        core.ForgetLearnedState();
        var after = MatchShare(core, 4 * 86_400 + 500, out _);

        Assert.True(before > 0.5, $"own-topic share before forgetting {before:F2}");
        Assert.True(after < 0.4, $"own-topic share after forgetting {after:F2}");
    }

    [Fact]
    public void Should_ServeOnlyFollowedCreatorsNewestFirst_When_Chronological()
    {
        // Given user 0 follows creator 3 (videos 3, 43, 83, ..., 563) and nobody else
        var core = Core(policy: FeedPolicyKind.Chronological);
        core.Record(new ImpressionFeedback(0, 83, 10, 20, Reactions.Followed | Reactions.Finished));
        var slate = new int[12];

        // When the Following feed is asked for 12 videos
        var n = core.Recommend(new RecommendationRequest(0, 100, 12, 0), slate, new ServeContext[12]);

        // Then it holds creator 3's remembered uploads only, newest (highest id) first, and no platform filler
        Assert.Equal(FollowGraph.RecentUploads, n);
        Assert.Equal(Enumerable.Range(0, n).Select(i => 563 - (40 * i)), slate[..n]);

        // And once they are served the feed is all caught up: empty, and saying so
        Assert.Equal(0, core.Recommend(new RecommendationRequest(0, 200, 12, 0), slate, new ServeContext[12]));
        Assert.True(core.EndsWhenCaughtUp(0));
        Assert.False(Core().EndsWhenCaughtUp(0));
    }

    [Fact]
    public void Should_SuggestTheMostFollowedAccounts_When_AUserFollowsNoOne()
    {
        // Given users 0 and 2 follow creator 3, user 0 also creator 5, and user 1 follows no one
        var core = Core(policy: FeedPolicyKind.Chronological);
        core.Record(new ImpressionFeedback(0, 83, 10, 20, Reactions.Followed));
        core.Record(new ImpressionFeedback(2, 83, 10, 20, Reactions.Followed));
        core.Record(new ImpressionFeedback(0, 85, 10, 20, Reactions.Followed));

        // When the suggestions are refreshed and user 1 opens the Following feed
        core.Advance(3_600);
        var slate = new int[20];
        var n = core.Recommend(new RecommendationRequest(1, 3_600, 12, 0), slate, new ServeContext[20]);

        // Then it shows the followed creators' uploads (the suggested accounts), newest first, and nothing else
        Assert.Equal(2 * FollowGraph.RecentUploads, n);
        Assert.All(slate[..n], v => Assert.True(v % 40 is 3 or 5, $"video {v} is by creator {v % 40}"));
        Assert.Equal(slate[..n].OrderDescending(), slate[..n]);
    }

    [Fact]
    public void Should_TimeEachStage_When_ProfilingIsOn()
    {
        // Given a trained ranked core
        var core = Core();
        Day(core, 0);
        Assert.Equal(0.0, core.StageSeconds().Sum(s => s.Seconds));

        // When a day is served with stage profiling on
        core.ProfileStagesWith(new Diagnostics.ProfileClock(System.Diagnostics.Stopwatch.GetTimestamp, System.Diagnostics.Stopwatch.Frequency));
        Day(core, 1);

        // Then every stage of the cascade has accumulated time, and the popularity feed has no stages
        var stages = core.StageSeconds();
        Assert.Equal(["retrieval", "pre-ranking", "ranking: features", "ranking: model heads", "re-ranking"], stages.Select(s => s.Stage));
        Assert.All(stages, s => Assert.True(s.Seconds > 0, s.Stage));
        Assert.Empty(Core(policy: FeedPolicyKind.Popularity).StageSeconds());
    }
}
