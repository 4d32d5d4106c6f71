using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Population;
using Simulator.World.Simulation;

namespace Simulator.World.Policies;

/// <summary>
/// Applies a user's time policies after each video: counts watch time per local day, shows the
/// daily-limit prompt once the limit is reached (dismissed with the override probability, then
/// silent for the rest of that day), and ends sessions that run into a curfew.
/// </summary>
internal static class PolicyGate
{
    /// <summary>True when the session must end; <paramref name="reason"/> says why.</summary>
    public static bool ShouldEnd(UserTable users, int u, long nowSecond, float watchedSeconds, ref RandomCursor rng, ref DailyTotals totals, out SessionEndReason reason)
    {
        reason = SessionEndReason.Satisfied;
        var limit = users.Policy.DailyLimitSeconds[u];
        var curfewStart = users.Policy.CurfewStartHour[u];
        if (limit == 0 && curfewStart < 0)
        {
            return false;
        }

        var offset = users.Persona.UtcOffsetMinutes[u];
        var day = LocalClock.DayOf(nowSecond, offset);
        if (users.Policy.LocalDay[u] != day)
        {
            users.Policy.LocalDay[u] = day;
            users.Policy.WatchSecondsToday[u] = 0;
        }

        users.Policy.WatchSecondsToday[u] += watchedSeconds;
        if (limit > 0 && users.Policy.WatchSecondsToday[u] >= limit && users.Policy.LimitOverriddenDay[u] != day)
        {
            totals.LimitPrompts++;
            if (rng.Bernoulli(users.Policy.LimitOverrideRate[u]))
            {
                users.Policy.LimitOverriddenDay[u] = day;
                totals.LimitOverrides++;
            }
            else
            {
                reason = SessionEndReason.Limit;
                return true;
            }
        }

        if (curfewStart >= 0)
        {
            var hour = LocalClock.HourOf(nowSecond, offset);
            var nightKey = hour < 12 ? day - 1 : day;
            if (CurfewOptions.Covers(curfewStart, users.Policy.CurfewEndHour[u], hour) && users.Policy.CurfewOverriddenDay[u] != nightKey)
            {
                if (rng.Bernoulli(users.Policy.CurfewOverrideRate[u]))
                {
                    users.Policy.CurfewOverriddenDay[u] = nightKey;
                }
                else
                {
                    reason = SessionEndReason.Curfew;
                    return true;
                }
            }
        }

        return false;
    }
}
