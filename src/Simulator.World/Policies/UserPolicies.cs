using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Population;
using Simulator.World.Randomness;
using Simulator.World.Simulation;

namespace Simulator.World.Policies;

/// <summary>
/// The platform's policies as the world applies them, in one room: who they apply to
/// (<see cref="Assign"/>), what they do to a session start (<see cref="StartFactor"/>), the gate
/// after each video (<see cref="PolicyGate"/>) and how the sessions they end are counted
/// (<see cref="CountExit"/>).
/// </summary>
public static class UserPolicies
{
    /// <summary>
    /// Resolves each user's policies once from age and the scenario: the first daily limit, curfew
    /// and non-personalised feed option whose age range holds the user apply.
    /// </summary>
    public static void Assign(UserTable users, IReadOnlyList<PolicyOptions>? policies, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (policies is null)
        {
            return;
        }

        var p = users.Policy;
        for (var u = 0; u < users.Count; u++)
        {
            var age = users.Persona.Age[u];
            var feedDecided = false;
            foreach (var policy in policies)
            {
                if (policy.DailyLimit is { } limit && p.DailyLimitSeconds[u] == 0 && AgeRange.Contains(limit.Ages, age))
                {
                    p.DailyLimitSeconds[u] = limit.Minutes * 60;
                    p.LimitOverrideRate[u] = (float)limit.OverrideRate;
                }

                if (policy.Curfew is { } curfew && p.CurfewStartHour[u] < 0 && AgeRange.Contains(curfew.Ages, age))
                {
                    p.CurfewStartHour[u] = (sbyte)curfew.StartHour;
                    p.CurfewEndHour[u] = (sbyte)curfew.EndHour;
                    p.CurfewOverrideRate[u] = (float)curfew.OverrideRate;
                }

                if (policy.NonPersonalizedFeed is { } feed && !feedDecided && AgeRange.Contains(feed.Ages, age))
                {
                    // One draw from the user's own choice stream, the same whatever else the scenario
                    // sets (so with a larger share the opted-in users are a superset); only the first
                    // matching option decides.
                    var choice = new RandomCursor(seed, (ulong)u, StreamIds.Choice);
                    p.NonPersonalizedFeed[u] = choice.NextDouble() < feed.Share;
                    feedDecided = true;
                }
            }
        }
    }

    /// <summary>
    /// Multiplier on the rate of session starts at local hour <paramref name="hour"/>: a curfew
    /// removes the starts it covers, except those that get past it (the override rate); 1 otherwise.
    /// </summary>
    public static double StartFactor(PolicyColumns policy, int u, int hour)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var curfew = policy.CurfewStartHour[u];
        return curfew >= 0 && CurfewOptions.Covers(curfew, policy.CurfewEndHour[u], hour) ? policy.CurfewOverrideRate[u] : 1.0;
    }

    /// <summary>Counts a session a policy ended in the day's totals; false for a reason no policy gives.</summary>
    internal static bool CountExit(SessionEndReason reason, ref DailyTotals totals)
    {
        switch (reason)
        {
            case SessionEndReason.Limit:
                totals.LimitExits++;
                return true;
            case SessionEndReason.Curfew:
                totals.CurfewExits++;
                return true;
            default:
                return false;
        }
    }
}
