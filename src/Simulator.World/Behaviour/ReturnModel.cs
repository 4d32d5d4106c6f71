using Simulator.Engine.Random;
using Simulator.World.Policies;
using Simulator.World.Population;

namespace Simulator.World.Behaviour;

/// <summary>
/// When a user comes back (DESIGN.md §4). Session starts follow a point process in the user's
/// local time with intensity, in sessions per day,
/// <c>λ(t) = (r · h(t) + E(t)) · diurnal(hour) · policy(hour)</c>:
/// r is the user's visit rate at full habit (by usage type, heavy-tailed), h(t) the habit, which
/// decays during absence towards a floor (so the return hazard falls with time since the last
/// visit and a lapsed user still comes back at r × floor), and E(t) the self-exciting pull of
/// recent sessions (Accordion's Hawkes term, CALIBRATION.md §2): each session adds ν / T, decaying
/// with time constant T, so it triggers ν further sessions on average and sessions cluster within
/// active days. The next start is sampled once per session end by thinning (Lewis and Shedler
/// 1979) with a bound renewed at every candidate (h and E only fall between sessions), so a
/// sleeping user costs nothing per tick. Churn is a reporting label, not a state: nobody is
/// removed.
/// </summary>
public sealed class ReturnModel
{
    /// <summary>Returned by <see cref="NextStart"/> when the next start falls after the horizon.</summary>
    public const long Beyond = long.MaxValue;

    // A new session cannot start within 5 minutes of the last one ending (it would be the same session).
    private const double MinGapSeconds = 300;
    private const int MaxThinningSteps = 4096;
    private readonly ReturnOptions _o;
    private readonly double _habitDecayPerSecond;
    private readonly double _excitationDecayPerSecond;
    private readonly float _jumpScale;

    public ReturnModel(BehaviourOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _o = options.Return;
        _habitDecayPerSecond = 1.0 / (_o.HabitDecayDays * 86_400.0);
        _excitationDecayPerSecond = 1.0 / (_o.ClusteringHours * 3600.0);
        // ν further sessions per session: a jump of ν / T sessions per day, T in days.
        _jumpScale = (float)(24.0 / _o.ClusteringHours);
    }

    /// <summary>The habit every user decays towards while away.</summary>
    public float HabitFloor => (float)_o.HabitFloor;

    /// <summary>Habit of user <paramref name="u"/> at <paramref name="second"/>: the stored habit decayed since the last visit.</summary>
    public double HabitAt(ReturnColumns r, int u, long second)
    {
        var last = r.LastVisitSecond[u];
        var h = r.Habit[u];
        if (last == ReturnColumns.NoVisit || second <= last)
        {
            return h;
        }

        return _o.HabitFloor + ((h - _o.HabitFloor) * Math.Exp(-_habitDecayPerSecond * (second - last)));
    }

    /// <summary>
    /// Samples the next session start after <paramref name="fromSecond"/> (at least five minutes
    /// later); <see cref="Beyond"/> when it would fall after <paramref name="horizonSecond"/>.
    /// </summary>
    public long NextStart(UserTable users, int u, long fromSecond, long horizonSecond, ref RandomCursor rng)
    {
        var r = users.Return;
        var rate = users.Persona.VisitRate[u];
        var offset = users.Persona.UtcOffsetMinutes[u];
        var last = r.LastVisitSecond[u];
        var t = fromSecond + MinGapSeconds;
        for (var i = 0; i < MaxThinningSteps && t <= horizonSecond; i++)
        {
            // Neither habit nor excitation rises between sessions, so the intensity at t bounds every later one.
            var bound = Intensity(r, u, rate, last, t) * DiurnalProfile.Max / 86_400.0;
            if (bound <= 0)
            {
                return Beyond;
            }

            t += rng.Exponential(bound);
            if (t > horizonSecond)
            {
                return Beyond;
            }

            var hour = LocalClock.HourOf((long)t, offset);
            var accept = Intensity(r, u, rate, last, t) * DiurnalProfile.Intensity[hour] * UserPolicies.StartFactor(users.Policy, u, hour) / 86_400.0;
            if (rng.NextDouble() * bound < accept)
            {
                return (long)t;
            }
        }

        return t > horizonSecond ? Beyond : (long)t;
    }

    /// <summary>
    /// At session end: habit decays for the time since the last visit, then moves by the learning
    /// rate towards the session's satisfaction σ(sensitivity × (mean utility − the user's neutral
    /// utility)), so its level follows how satisfying sessions are (bounded in [floor, 1], no
    /// ratchet); the session adds its pull to the self-exciting term.
    /// </summary>
    public void EndSession(UserTable users, int u, long endSecond)
    {
        ArgumentNullException.ThrowIfNull(users);
        var r = users.Return;
        var items = Math.Max(1, users.Viewer.SessionItems[u]);
        var meanUtility = users.Viewer.SessionUtility[u] / items;
        var satisfaction = 1.0 / (1.0 + Math.Exp(-_o.HabitSensitivity * (meanUtility - users.Persona.HabitNeutral[u])));
        var h = HabitAt(r, u, endSecond);
        h += _o.HabitLearningRate * (satisfaction - h);
        r.Habit[u] = (float)Math.Clamp(h, _o.HabitFloor, 1.0);
        Visit(users, u, endSecond);
    }

    /// <summary>A visit that leaves habit as it is (the stationary pre-history of existing users): only the self-exciting term and the visit time move.</summary>
    public void Visit(UserTable users, int u, long second)
    {
        ArgumentNullException.ThrowIfNull(users);
        var r = users.Return;
        r.Excitation[u] = (float)ExcitationAt(r, u, second) + users.Persona.Clustering[u] * _jumpScale;
        r.LastVisitSecond[u] = second;
    }

    // r·h(t) + E(t), sessions per day, before the diurnal and policy factors.
    private double Intensity(ReturnColumns r, int u, double rate, long last, double t)
    {
        if (last == ReturnColumns.NoVisit)
        {
            return rate * r.Habit[u];
        }

        var dt = t - last;
        var habit = _o.HabitFloor + ((r.Habit[u] - _o.HabitFloor) * Math.Exp(-_habitDecayPerSecond * dt));
        return (rate * habit) + (r.Excitation[u] * Math.Exp(-_excitationDecayPerSecond * dt));
    }

    private double ExcitationAt(ReturnColumns r, int u, long second)
    {
        var last = r.LastVisitSecond[u];
        return last == ReturnColumns.NoVisit || second <= last ? r.Excitation[u] : r.Excitation[u] * Math.Exp(-_excitationDecayPerSecond * (second - last));
    }
}
