using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Population;

namespace Simulator.World.Simulation;

/// <summary>
/// A settled start for the users already there on day 0: their return process is run over the
/// 30 days before the first simulated tick with habit held at its starting level (each visit
/// renews it; no content is watched), so that at the start every existing user has a last
/// visit, a self-exciting state and active days inside the MAU window, as users of a running app
/// do. Only the visits' times are kept (the last active day for MAU, the return state); the first
/// visit that falls inside the run becomes the user's first session. Installs have no history:
/// they open the app at their install second.
/// </summary>
internal static class StationaryStart
{
    /// <summary>Days of pre-history: the MAU window (DAU/MAU counts users active in the last 30 days).</summary>
    public const int PreHistoryDays = 30;

    /// <summary>The first session start of user <paramref name="u"/> at or after <paramref name="startSecond"/>; <see cref="ReturnModel.Beyond"/> when none falls before <paramref name="horizonSecond"/>.</summary>
    public static long FirstSession(UserTable users, int u, ReturnModel model, long startSecond, long horizonSecond, ref RandomCursor rng)
    {
        var install = users.Persona.InstallSecond[u];
        if (install != PersonaColumns.Existing)
        {
            return install;
        }

        // The history opens with a visit-free intensity r·h at its first second (no excitation yet).
        var from = startSecond - (PreHistoryDays * 86_400L);
        users.Return.LastVisitSecond[u] = from;
        from -= 300; // NextStart keeps five minutes after 'from'; the history may begin at its first second
        while (true)
        {
            var visit = model.NextStart(users, u, from, horizonSecond, ref rng);
            if (visit == ReturnModel.Beyond || visit >= startSecond)
            {
                return visit;
            }

            // A visit of the user's typical session length: the day counts as active for MAU.
            var end = visit + (long)users.Persona.SessionHabitSeconds[u];
            users.Activity.LastActiveDay[u] = (int)Math.Floor(visit / 86_400.0);
            model.Visit(users, u, end);
            from = end;
        }
    }
}
