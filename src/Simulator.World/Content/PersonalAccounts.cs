using Simulator.Engine.Random;
using Simulator.World.Population;
using Simulator.World.Randomness;

namespace Simulator.World.Content;

/// <summary>
/// Small personal accounts: the posters who are not creators. They post rarely, are followed by
/// friends (Pew 2024: 38 % of followed accounts are small, mostly personal accounts that post rarely
/// if ever) and are never hired, tiered or counted among creators.
/// </summary>
internal static class PersonalAccounts
{
    /// <summary>The users who own a personal account: posters without a creator account who are there at the start, in id order.</summary>
    public static int[] Owners(UserTable users, ReadOnlySpan<int> notCreators)
    {
        var owners = new List<int>(notCreators.Length);
        foreach (var u in notCreators)
        {
            // An account installed during the run has no pre-run posts or friends yet (a modelling choice).
            if (users.Persona.InstallSecond[u] == PersonaColumns.Existing)
            {
                owners.Add(u);
            }
        }

        owners.Sort();
        return [.. owners];
    }

    /// <summary>
    /// Fills the personal rows of <paramref name="creators"/> (after the creators, whose rates must be
    /// drawn): each posts about its owner's favourite topic with an amateur's polish, at one common rate
    /// that gives personal accounts together content.personal_upload_share of organic uploads.
    /// </summary>
    /// <remarks>
    /// Pew: the top quarter of posters make 98 % of videos, so the other three quarters make 2 %. The
    /// creators here stand for the top posters; all personal accounts share one rate (their own spread
    /// is not published and hardly matters at ≈ 0.001 videos a day each).
    /// </remarks>
    public static void Fill(CreatorTable creators, ReadOnlySpan<int> owners, ContentOptions content, UserTable users, ulong seed, int topics)
    {
        if (owners.Length == 0)
        {
            return;
        }

        double creatorRate = 0;
        for (var c = 0; c < creators.CreatorCount; c++)
        {
            creatorRate += creators.UploadsPerDay[c];
        }

        var share = content.PersonalUploadShare;
        var rate = (float)(share >= 1 ? 0 : share / (1 - share) * creatorRate / owners.Length);
        var cum = new double[topics];
        for (var p = 0; p < owners.Length; p++)
        {
            var c = creators.CreatorCount + p;
            var u = owners[p];
            var rng = new RandomCursor(seed, (1UL << 44) | (uint)p, StreamIds.Creator);
            double acc = 0;
            for (var t = 0; t < topics; t++)
            {
                acc += users.Persona.Interest[(u * topics) + t];
                cum[t] = acc;
            }

            creators.Type[c] = CreatorType.Personal;
            creators.UserId[c] = u;
            creators.Country[c] = users.Persona.Country[u];
            creators.Topic[c] = rng.Categorical(cum);
            (creators.Quality[c], creators.Authenticity[c]) = CreatorRoster.DrawPolish(CreatorType.Personal, ref rng);
            creators.MedianLength[c] = (float)(content.MedianLengthSeconds * Math.Exp(0.7 * rng.Normal()));
            creators.UploadsPerDay[c] = rate;
        }
    }
}
