using Simulator.Engine.Random;
using Simulator.World.Population;
using Simulator.World.Randomness;

namespace Simulator.World.Content;

/// <summary>
/// The organic creators of a world, drawn once from the creator stream: topic, type, country
/// (a poster user's own), quality, authenticity, length, upload rate and appeal; and which of
/// them debut during the run.
/// </summary>
internal static class CreatorRoster
{
    // Newcomers from a stream of their own (keyed by creator), so every other creator draw is
    // unchanged; with share 0 nothing is drawn and the world is the same as before.
    public static void DrawNewcomers(CreatorTable creators, double share, int days, ulong seed)
    {
        if (share <= 0 || days <= 0)
        {
            return;
        }

        for (var c = 0; c < creators.CreatorCount; c++)
        {
            var rng = new RandomCursor(seed, (1UL << 43) | (uint)c, StreamIds.Choice);
            if (rng.NextDouble() < share)
            {
                creators.DebutDay[c] = rng.NextInt(days);
            }
        }

        creators.RebuildUploadRates();
    }

    // count: organic creators; fromSample: how many of them are the sample's own posters, the others
    // coming from outside the simulated users (no account, a country from the mix).
    public static CreatorTable Build(ContentOptions content, PopulationOptions population, int count, int fromSample, int reserved, UserTable? users, ulong seed, int topics)
    {
        var posters = users is null ? [] : PosterAccounts(users, fromSample, seed);
        var ownPosters = Math.Min(fromSample, posters.Length);
        var personal = users is null ? [] : PersonalAccounts.Owners(users, posters.AsSpan(ownPosters));
        var creators = new CreatorTable(count, reserved, personal.Length);
        var prior = PopulationBuilder.TopicPrior(topics);
        var topicCum = Cumulative(prior);
        var countryCum = Cumulative([.. Countries.Codes.Select(c => population.Countries.TryGetValue(c, out var v) ? v : 0)]);
        string[] typeKeys = ["amateur", "professional", "ugc"];
        CreatorType[] types = [CreatorType.Amateur, CreatorType.Professional, CreatorType.Ugc];
        var typeCum = Cumulative([.. typeKeys.Select(t => content.CreatorTypes.TryGetValue(t, out var v) ? v : 0)]);
        for (var c = 0; c < count; c++)
        {
            var rng = new RandomCursor(seed, (ulong)c, StreamIds.Creator);
            creators.Topic[c] = rng.Categorical(topicCum);
            var type = types[rng.Categorical(typeCum)];
            creators.Type[c] = type;
            // Posters come from the users: the creator's country is its user's.
            if (c < ownPosters)
            {
                creators.UserId[c] = posters[c];
                creators.Country[c] = users!.Persona.Country[posters[c]];
            }
            else
            {
                creators.Country[c] = (byte)rng.Categorical(countryCum);
            }

            (creators.Quality[c], creators.Authenticity[c]) = DrawPolish(type, ref rng);
            creators.MedianLength[c] = (float)(content.MedianLengthSeconds * Math.Exp(0.7 * rng.Normal()));
            // Log-normal sigma 1.5 puts about 80 % of uploads with the top quarter of creators
            // (Pew: top 25 % make 98 %, CALIBRATION.md §3; heavier tails starve the rest entirely).
            creators.UploadsPerDay[c] = (float)(content.UploadsPerCreatorPerDay * Math.Exp(1.5 * rng.Normal()));
            // Appeal for pre-run follows: log-normal sigma 2, so follower counts are heavy-tailed
            // (views Gini ≈ 0.93, CALIBRATION.md §4) and a few creators reach the upper tiers.
            creators.Appeal[c] = (float)(Math.Exp(2.0 * rng.Normal()) * (0.5 + creators.Quality[c]));
        }

        if (users is not null)
        {
            PersonalAccounts.Fill(creators, personal, content, users, seed, topics);
        }

        creators.RebuildUploadRates();
        return creators;
    }

    /// <summary>Production quality and authenticity of an account of <paramref name="type"/> (personal accounts: an amateur's).</summary>
    public static (float Quality, float Authenticity) DrawPolish(CreatorType type, ref RandomCursor rng)
    {
        // Professionals are polished, amateurs raw, UGC creators in between (a modelling choice).
        var qualityMean = type switch { CreatorType.Professional => 0.7, CreatorType.Ugc => 0.55, _ => 0.45 };
        var quality = (float)Math.Clamp(qualityMean + 0.15 * rng.Normal(), 0.05, 0.95);
        // Polish reads as less authentic: UGC scored above brand and TV-style ads
        // (Realeyes 5.2 vs 4.8 vs 3.1, CALIBRATION.md §4), so authenticity falls with quality.
        var authenticity = (float)Math.Clamp(1.0 - quality + (type == CreatorType.Ugc ? 0.1 : 0) + 0.2 * rng.Normal(), 0.02, 0.98);
        return (quality, authenticity);
    }

    /// <summary>Every poster user, the first <paramref name="count"/> (the creators' users) in a seeded shuffle.</summary>
    private static int[] PosterAccounts(UserTable users, int count, ulong seed)
    {
        var posters = new List<int>();
        for (var u = 0; u < users.Count; u++)
        {
            if (users.Persona.IsPoster[u])
            {
                posters.Add(u);
            }
        }

        var rng = new RandomCursor(seed, 0, StreamIds.Creator, 1UL << 40);
        var n = Math.Min(count, posters.Count);
        for (var i = 0; i < n; i++)
        {
            var j = i + rng.NextInt(posters.Count - i);
            (posters[i], posters[j]) = (posters[j], posters[i]);
        }

        return [.. posters];
    }

    private static double[] Cumulative(double[] weights)
    {
        var cum = new double[weights.Length];
        double acc = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            acc += weights[i];
            cum[i] = acc;
        }

        return cum;
    }
}
