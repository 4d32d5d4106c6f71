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
        var limit = users.DailyLimitSeconds[u];
        var curfewStart = users.CurfewStartHour[u];
        if (limit == 0 && curfewStart < 0)
        {
            return false;
        }

        var local = nowSecond + users.UtcOffsetMinutes[u] * 60L;
        var day = (int)Math.Floor(local / 86_400.0);
        if (users.LocalDay[u] != day)
        {
            users.LocalDay[u] = day;
            users.WatchSecondsToday[u] = 0;
        }

        users.WatchSecondsToday[u] += watchedSeconds;
        if (limit > 0 && users.WatchSecondsToday[u] >= limit && users.LimitOverriddenDay[u] != day)
        {
            totals.LimitPrompts++;
            if (rng.Bernoulli(users.LimitOverrideRate[u]))
            {
                users.LimitOverriddenDay[u] = day;
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
            var hour = (int)((local - (long)day * 86_400) / 3600);
            var nightKey = hour < 12 ? day - 1 : day;
            if (CurfewOptions.Covers(curfewStart, users.CurfewEndHour[u], hour) && users.CurfewOverriddenDay[u] != nightKey)
            {
                if (rng.Bernoulli(users.CurfewOverrideRate[u]))
                {
                    users.CurfewOverriddenDay[u] = nightKey;
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
