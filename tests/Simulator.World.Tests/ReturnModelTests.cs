using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Population;

namespace Simulator.World.Tests;

public sealed class ReturnModelTests
{
    private static readonly BehaviourOptions Options = new();

    private static (UserTable Users, ReturnModel Model) OneUser(float habit = 0.5f, float rate = 1f, float clustering = 0.5f)
    {
        var users = PopulationBuilder.Build(new PopulationOptions { Size = 1, InstallingShare = 0 }, Options, 3, 8);
        users.Return.Habit[0] = habit;
        users.Persona.VisitRate[0] = rate;
        users.Persona.Clustering[0] = clustering;
        users.Persona.HabitNeutral[0] = 0;
        return (users, new ReturnModel(Options));
    }

    private static void Session(UserTable users, ReturnModel model, long end, float meanUtility)
    {
        users.Viewer.SessionItems[0] = 10;
        users.Viewer.SessionUtility[0] = 10 * meanUtility;
        model.EndSession(users, 0, end);
    }

    [Theory]
    [InlineData(3.0f)]
    [InlineData(0.0f)]
    [InlineData(-3.0f)]
    public void Should_SettleAtTheSessionsSatisfaction_When_SessionsAreAlike(float utility)
    {
        // Given a user whose sessions all feel the same, an hour apart
        var (users, model) = OneUser();
        for (var i = 0; i < 400; i++)
        {
            Session(users, model, i * 3600L, utility);
        }

        // Then habit settles at the satisfaction σ(k·(u − neutral)), bounded, with no ratchet to 1
        var satisfaction = 1 / (1 + Math.Exp(-Options.Return.HabitSensitivity * utility));
        var floor = Options.Return.HabitFloor;
        var decay = Math.Exp(-3600 / (Options.Return.HabitDecayDays * 86_400));
        // Between sessions habit decays towards the floor for an hour; the fixed point of decay then learning:
        var eta = Options.Return.HabitLearningRate;
        var fixedPoint = ((1 - eta) * floor * (1 - decay) + (eta * satisfaction)) / (1 - ((1 - eta) * decay));
        Assert.Equal(Math.Max(floor, fixedPoint), users.Return.Habit[0], 3);
        Assert.InRange(users.Return.Habit[0], floor - 1e-6, 1.0);
    }

    [Fact]
    public void Should_DecayHabitTowardsTheFloor_When_TheUserStaysAway()
    {
        // Given a user with a strong habit who last visited at second 0
        var (users, model) = OneUser(habit: 0.9f);
        users.Return.LastVisitSecond[0] = 0;

        // When they have been away a week and then three months
        var week = model.HabitAt(users.Return, 0, 7 * 86_400L);
        var months = model.HabitAt(users.Return, 0, 90 * 86_400L);

        // Then habit has fallen by the decay's time constant, and towards the floor, never below
        var floor = Options.Return.HabitFloor;
        Assert.Equal(floor + ((0.9 - floor) * Math.Exp(-7 / Options.Return.HabitDecayDays)), week, 5);
        Assert.InRange(months, floor, floor + 0.001);
    }

    [Fact]
    public void Should_ReturnLessOften_When_TheLastVisitIsLongAgo()
    {
        // Given many users with one visit each, and their next starts sampled
        static double ReturnedWithinADay(double awayDays)
        {
            var (users, model) = OneUser(habit: 0.8f, rate: 1f, clustering: 0f);
            var returned = 0;
            for (var k = 0; k < 4000; k++)
            {
                users.Return.Habit[0] = 0.8f;
                users.Return.LastVisitSecond[0] = 0;
                users.Return.Excitation[0] = 0;
                var rng = new RandomCursor(11, (ulong)k, 3);
                var from = (long)(awayDays * 86_400);
                var next = model.NextStart(users, 0, from, from + 86_400, ref rng);
                returned += next != ReturnModel.Beyond ? 1 : 0;
            }

            return returned / 4000.0;
        }

        // When the user has been away for a day, a week and a month
        var day = ReturnedWithinADay(1);
        var week = ReturnedWithinADay(7);
        var month = ReturnedWithinADay(30);

        // Then the chance of coming back in the next day falls with the absence, yet a lapsed user still comes back sometimes
        Assert.True(day > week && week > month, $"day {day:F3}, week {week:F3}, month {month:F3}");
        Assert.True(month > 0, "a lapsed user never comes back");
    }

    [Fact]
    public void Should_ClusterSessions_When_TheSelfExcitingTermIsStrong()
    {
        // Given users who just ended a session, with no and with strong clustering
        static double SameDayReturns(float clustering)
        {
            var (users, model) = OneUser(habit: 0.3f, rate: 0.5f, clustering: clustering);
            var sameDay = 0;
            for (var k = 0; k < 4000; k++)
            {
                users.Return.Habit[0] = 0.3f;
                users.Return.LastVisitSecond[0] = ReturnColumns.NoVisit;
                users.Return.Excitation[0] = 0;
                Session(users, model, 10 * 3600, 0);
                var rng = new RandomCursor(5, (ulong)k, 3);
                sameDay += model.NextStart(users, 0, 10 * 3600, 10 * 3600 + (6 * 3600), ref rng) != ReturnModel.Beyond ? 1 : 0;
            }

            return sameDay / 4000.0;
        }

        // Then a strong self-exciting term brings many times more of them back within hours
        var none = SameDayReturns(0f);
        var strong = SameDayReturns(0.8f);
        Assert.True(strong > 5 * none && strong > 0.1, $"within 6 h: no clustering {none:F3}, clustering 0.8 {strong:F3}");
    }
}
