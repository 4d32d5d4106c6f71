using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Content;
using Simulator.World.Population;
using Simulator.World.Randomness;

namespace Simulator.World.Tests;

public sealed class TasteAndHashtagTests
{
    private static TasteVector Uniform(ulong id)
    {
        var rng = new RandomCursor(7, id, StreamIds.Taste);
        return TasteVector.Draw(ref rng, default, 0);
    }

    [Fact]
    public void Should_DrawUnitVectors_When_TasteIsDrawn()
    {
        for (ulong i = 0; i < 200; i++)
        {
            var z = Uniform(i);
            Assert.InRange(TasteVector.Cosine(z, z), 0.97f, 1.03f);
        }
    }

    [Fact]
    public void Should_StayNearCentre_When_PullIsHigh()
    {
        // Given a centre and 400 draws around it with pull 0.8 and with pull 0
        var centre = Uniform(1_000);
        double near = 0, free = 0;
        for (ulong i = 0; i < 400; i++)
        {
            var rng = new RandomCursor(9, i, StreamIds.Taste);
            near += TasteVector.Cosine(TasteVector.Draw(ref rng, centre, 0.8), centre);
            free += TasteVector.Cosine(TasteVector.Draw(ref rng, centre, 0), centre);
        }

        // Then the pulled draws sit at cosine ≈ 0.8 and the free ones at ≈ 0
        Assert.InRange(near / 400, 0.7, 0.9);
        Assert.InRange(free / 400, -0.05, 0.05);
    }

    [Fact]
    public void Should_RaiseUtility_When_VideoTasteMatchesUser()
    {
        // Given one user and two otherwise identical videos, one with the user's taste and one opposite
        var model = new BehaviourModel(new BehaviourOptions());
        var users = PopulationBuilder.Build(new PopulationOptions { Size = 1 }, new BehaviourOptions(), 3, 8);
        var same = users.Persona.Taste[0];
        var opposite = default(TasteVector);
        for (var i = 0; i < TasteVector.Dims; i++)
        {
            opposite[i] = (sbyte)-same[i];
        }

        // When both are scored
        var match = model.Utility(users, 0, new VideoView(2, 30, 0.5f, 0.5f, 10, Taste: same));
        var neutral = model.Utility(users, 0, new VideoView(2, 30, 0.5f, 0.5f, 10));
        var clash = model.Utility(users, 0, new VideoView(2, 30, 0.5f, 0.5f, 10, Taste: opposite));

        // Then utility moves by the taste weight × √16 (= 2 with the default 0.5) each way
        Assert.Equal(2.0, match - neutral, 1);
        Assert.Equal(-2.0, clash - neutral, 1);

        // And a zero taste weight switches the term off
        var off = new BehaviourModel(new BehaviourOptions { TasteWeight = 0 });
        Assert.Equal(off.Utility(users, 0, new VideoView(2, 30, 0.5f, 0.5f, 10)), off.Utility(users, 0, new VideoView(2, 30, 0.5f, 0.5f, 10, Taste: same)), 9);
    }

    [Fact]
    public void Should_PickTagsOfTheVideosTopicThatMatchItsTaste_When_Tagging()
    {
        // Given a vocabulary of 24 tags per topic with focus 6, and one with focus 0
        var focused = new HashtagVocabulary(topics: 10, perTopic: 24, focus: 6, seed: 5);
        var blind = new HashtagVocabulary(topics: 10, perTopic: 24, focus: 0, seed: 5);
        double focusedCos = 0, blindCos = 0;
        int focusedTags = 0, blindTags = 0;
        for (ulong i = 0; i < 500; i++)
        {
            var taste = Uniform(5_000 + i);
            var topic = (int)(i % 10);
            var rng = new RandomCursor(5, i, StreamIds.Taste);
            var tags = focused.Choose(ref rng, topic, taste);
            Assert.InRange(tags.Count, 1, 3);
            for (var j = 0; j < tags.Count; j++)
            {
                var t = tags[j];
                if (focused.TopicOf(t) < 0)
                {
                    // A general tag, never a brand tag on an organic upload
                    Assert.InRange(t, focused.FirstGeneral, focused.FirstGeneral + HashtagVocabulary.GeneralTags - 1);
                    continue;
                }

                Assert.Equal(topic, focused.TopicOf(t));
                focusedCos += TasteVector.Cosine(focused.Direction(t), taste);
                focusedTags++;
            }

            var rng2 = new RandomCursor(5, i, StreamIds.Taste);
            var blindSet = blind.Choose(ref rng2, topic, taste);
            for (var j = 0; j < blindSet.Count; j++)
            {
                if (blind.TopicOf(blindSet[j]) >= 0)
                {
                    blindCos += TasteVector.Cosine(blind.Direction(blindSet[j]), taste);
                    blindTags++;
                }
            }
        }

        // Then focused tags lean toward the video's taste and blind ones do not
        Assert.True(focusedCos / focusedTags > 0.25, $"focused mean cos {focusedCos / focusedTags}");
        Assert.InRange(blindCos / blindTags, -0.06, 0.06);
    }

    [Fact]
    public void Should_CarryBrandTag_When_VideoBelongsToCampaign()
    {
        var vocabulary = new HashtagVocabulary(topics: 4, perTopic: 8, focus: 6, seed: 5);
        var rng = new RandomCursor(5, 1, StreamIds.Taste);
        var tags = vocabulary.Choose(ref rng, 2, Uniform(3), campaign: 1);
        Assert.Equal(vocabulary.BrandTag(1), tags[0]);
        Assert.Equal(4 * 8 + HashtagVocabulary.GeneralTags + 1, tags[0]);
        Assert.Equal(-1, vocabulary.TopicOf(tags[0]));
    }

    [Fact]
    public void Should_TagEveryUploadAndKeepCreatorsStyle_When_WorldIsBuilt()
    {
        // Given a small world's starting catalogue
        using var world = new Simulation.SimulationWorld(WorldFixtures.Small(users: 2000, days: 1));
        var videos = world.Content.Videos;
        Assert.True(videos.Count > 100);

        // Then every video has 1–3 hashtags, and videos of one creator share a taste more than
        // videos of different creators (style consistency 0.8 gives cosine ≈ 0.64 within a creator)
        double within = 0, across = 0;
        int nWithin = 0, nAcross = 0;
        var lastOf = new Dictionary<int, int>();
        for (var v = 0; v < videos.Count; v++)
        {
            Assert.InRange(videos.Hashtags(v).Count, 1, 3);
            if (lastOf.TryGetValue(videos.Creator(v), out var previous))
            {
                within += TasteVector.Cosine(videos.Taste(v), videos.Taste(previous));
                nWithin++;
            }

            if (v > 0 && videos.Creator(v) != videos.Creator(v - 1))
            {
                across += TasteVector.Cosine(videos.Taste(v), videos.Taste(v - 1));
                nAcross++;
            }

            lastOf[videos.Creator(v)] = v;
        }

        Assert.True(nWithin > 10 && nAcross > 10, $"{nWithin} pairs within, {nAcross} across");
        Assert.InRange(within / nWithin, 0.5, 0.8);
        Assert.InRange(across / nAcross, -0.1, 0.1);
    }
}
