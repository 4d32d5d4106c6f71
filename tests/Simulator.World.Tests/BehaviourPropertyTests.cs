using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Content;
using Simulator.World.Population;

namespace Simulator.World.Tests;

public sealed class BehaviourPropertyTests
{
    private static readonly BehaviourOptions Options = new();
    private static readonly BehaviourModel Model = new(Options);

    private static float Finite(float x) => float.IsFinite(x) ? Math.Abs(x) : 0f;

    private static UserTable OneUser()
    {
        var users = PopulationBuilder.Build(new PopulationOptions { Size = 1 }, Options, 3, 8);
        users.Persona.SessionHabitSeconds[0] = 480;
        return users;
    }

    [Property(MaxTest = 200)]
    public Property Should_LowerUtility_When_SatiationRises(byte topicByte, float lowRaw, float highRaw)
    {
        var users = OneUser();
        var topic = topicByte % users.Topics;
        var a = Finite(lowRaw) % 3;
        var b = Finite(highRaw) % 3;
        var (low, high) = a <= b ? (a, b) : (b, a);
        var view = new VideoView(topic, 30, 0.5f, 0.5f, 10);

        users.Viewer.Satiation[topic] = low;
        var uLow = Model.Utility(users, 0, view);
        users.Viewer.Satiation[topic] = high;
        var uHigh = Model.Utility(users, 0, view);

        return (uHigh <= uLow + 1e-12).ToProperty();
    }

    [Property(MaxTest = 200)]
    public Property Should_RaiseQuitHazard_When_FatigueRises(float lowRaw, float highRaw, float utilityRaw)
    {
        var users = OneUser();
        var a = Finite(lowRaw) % 5;
        var b = Finite(highRaw) % 5;
        var (low, high) = a <= b ? (a, b) : (b, a);
        var utility = float.IsFinite(utilityRaw) ? utilityRaw % 4 : 0f;

        users.Viewer.Fatigue[0] = low;
        var hLow = Model.QuitHazard(users, 0, utility);
        users.Viewer.Fatigue[0] = high;
        var hHigh = Model.QuitHazard(users, 0, utility);

        return (hHigh >= hLow).ToProperty();
    }

    [Property(MaxTest = 100)]
    public Property Should_LowerUtility_When_FatigueRises(float extra)
    {
        var users = OneUser();
        var view = new VideoView(1, 30, 0.5f, 0.5f, 10);
        var before = Model.Utility(users, 0, view);
        users.Viewer.Fatigue[0] = Finite(extra) % 5;
        return (Model.Utility(users, 0, view) <= before).ToProperty();
    }

    [Fact]
    public void Should_EndMoreSessionsInFatigue_When_FeedRepeatsOneTopicAtEqualRelevance()
    {
        // Given users whose interests are exactly uniform, so every topic is equally relevant
        var users = PopulationBuilder.Build(new PopulationOptions { Size = 400 }, Options, 8, 8);
        var k = users.Topics;
        Array.Fill(users.Persona.Interest, 1f / k);

        int FatigueExits(Func<int, int> topicAt)
        {
            Array.Clear(users.Viewer.Satiation);
            var exits = 0;
            for (var u = 0; u < users.Count; u++)
            {
                BehaviourModel.StartSession(users.Viewer, u);
                var rng = new RandomCursor(77, (ulong)u, 1);
                var now = 1000L;
                for (var i = 0; i < 200; i++)
                {
                    var outcome = Model.Watch(users, u, new VideoView(topicAt(i), 20, 0.5f, 0.5f, 10), now, ref rng);
                    now += (long)outcome.WatchSeconds + 1;
                    if (outcome.Quit)
                    {
                        exits += BehaviourModel.ReasonFor(users, u) == SessionEndReason.Fatigue ? 1 : 0;
                        break;
                    }
                }
            }

            return exits;
        }

        // When one feed repeats a single topic and another cycles through all of them
        var repetitive = FatigueExits(_ => 3);
        var diverse = FatigueExits(i => i % k);

        // Then the repetitive feed drives more sessions to end in fatigue
        Assert.True(repetitive > diverse * 1.2, $"repetitive {repetitive}, diverse {diverse}");
    }

    [Theory]
    [InlineData(-7_200L, -3_600L)]
    [InlineData(-1_800L, 1_800L)]
    [InlineData(0L, 3_600L)]
    public void Should_DecaySatiation_When_ImpressionsFallInTheWarmUp(long first, long second)
    {
        // Given a user who watched a video of topic 0 at a warm-up (negative) second or at second 0
        var users = OneUser();
        var rng = new RandomCursor(5, 0, 1);
        Model.Watch(users, 0, new VideoView(0, 15, 0.5f, 0.5f, 3), first, ref rng);
        var after = users.Viewer.Satiation[0];
        Assert.True(after > 0);

        // When the next impression, of another topic, comes an hour later
        Model.Watch(users, 0, new VideoView(1, 15, 0.5f, 0.5f, 3), second, ref rng);

        // Then topic 0's satiation has decayed by an hour of its half-life, as it would on a reported day
        var expected = after * Math.Exp(-Math.Log(2) * (second - first) / (Options.SatiationHalfLifeHours * 3600.0));
        Assert.Equal(expected, users.Viewer.Satiation[0], 4);
    }

    [Fact]
    public void Should_AllocateNothing_When_WatchingVideos()
    {
        var users = OneUser();
        var rng = new RandomCursor(1, 1, 1);
        Model.Watch(users, 0, new VideoView(0, 15, 0.5f, 0.5f, 3), 10, ref rng);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Model.Watch(users, 0, new VideoView(i % users.Topics, 15 + i % 60, 0.5f, 0.4f, i), 20 + i * 10, ref rng);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
