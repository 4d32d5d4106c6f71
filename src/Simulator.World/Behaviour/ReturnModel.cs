using Simulator.Engine.Random;
using Simulator.World.Policies;
using Simulator.World.Population;

namespace Simulator.World.Behaviour;

/// <summary>
/// When a user comes back. Session starts follow a non-homogeneous Poisson process in the
/// user's local time (the Accordion model's base intensity, CALIBRATION.md §2) whose rate is the
/// user's session rate scaled by habit strength; it is sampled once per session end by
/// thinning (Lewis and Shedler 1979), so a sleeping user costs nothing per tick.
/// </summary>
public sealed class ReturnModel
{
    // A new session cannot start within 5 minutes of the last one ending (it would be the same session).
    private const double MinGapSeconds = 300;
    private const int MaxThinningSteps = 512;
    private readonly BehaviourOptions _o;

    public ReturnModel(BehaviourOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _o = options;
    }

    /// <summary>
    /// Rate multiplier from habit, h^1.5: steep at the bottom, so users whose habit has eroded
    /// drift into gaps long enough to count as churn (a modelling choice, calibrated against the
    /// retention bands of CALIBRATION.md §1).
    /// </summary>
    public static double HabitFactor(float habit) => habit * Math.Sqrt(habit);

    /// <summary>Returned by <see cref="NextStart"/> for a user who has churned (times can be negative during warm-up).</summary>
    public const long Never = long.MinValue;

    /// <summary>
    /// Samples the next session start after <paramref name="fromSecond"/>. Returns <see cref="Never"/> when the
    /// gap exceeds the churn horizon (the user has churned and is not woken again).
    /// </summary>
    public long NextStart(UserTable users, int u, long fromSecond, ref RandomCursor rng)
    {
        var perSecond = users.Persona.SessionRate[u] * HabitFactor(users.Return.Habit[u]) / 86_400.0;
        var maxRate = perSecond * DiurnalProfile.Max;
        var horizon = _o.ChurnAfterDays * 86_400.0;
        var t = fromSecond + MinGapSeconds;
        var offset = users.Persona.UtcOffsetMinutes[u];
        for (var i = 0; i < MaxThinningSteps; i++)
        {
            t += rng.Exponential(maxRate);
            if (t - fromSecond > horizon)
            {
                return Never;
            }

            var hour = LocalClock.HourOf((long)t, offset);
            var intensity = DiurnalProfile.Intensity[hour] * UserPolicies.StartFactor(users.Policy, u, hour);

            if (rng.NextDouble() * DiurnalProfile.Max < intensity)
            {
                return (long)t;
            }
        }

        return (long)t;
    }

    /// <summary>
    /// Habit update at session end: sessions that felt better than neutral strengthen the habit,
    /// worse ones weaken it (DESIGN.md §4), and the habit relaxes slowly towards the user's base
    /// level. Step 0.08 and relaxation 0.02 per session are not published; modelling choices.
    /// </summary>
    public static void UpdateHabit(UserTable users, int u)
    {
        var items = Math.Max(1, users.Viewer.SessionItems[u]);
        var meanUtility = users.Viewer.SessionUtility[u] / items;
        var h = users.Return.Habit[u]
            + 0.08f * (float)Math.Tanh(meanUtility - users.Persona.HabitNeutral[u])
            + 0.02f * (users.Persona.HabitBase[u] - users.Return.Habit[u]);
        users.Return.Habit[u] = Math.Clamp(h, 0.02f, 1f);
    }
}
