using Recommender.Abstractions;
using Simulator.Engine.Random;
using Simulator.World.Behaviour;
using Simulator.World.Policies;
using Simulator.World.Randomness;

namespace Simulator.World.Population;

/// <summary>
/// Draws every persona from the scenario's distributions. Each user's traits come from the
/// user's own persona stream, so user i is the same person whatever the population size,
/// thread count or variant (common random numbers).
/// </summary>
public static class PopulationBuilder
{
    public static UserTable Build(PopulationOptions population, BehaviourOptions behaviour, ulong seed, int feedCapacity, IReadOnlyList<PolicyOptions>? policies = null, int days = 1, int warmupDays = 0)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(behaviour);
        var k = behaviour.Topics;
        var users = new UserTable(population.Size, k, feedCapacity);
        var countryCum = Cumulative(population.Countries, Countries.Codes);
        var (genCumOf, deviceCumOf) = MarketMixes(population);
        var genderCum = Cumulative(population.Genders, Genders.Keys);
        var baseCum = Cumulative(population.BaseMix, UsageTypes.BaseKeys);
        var installerCum = Cumulative(population.InstallerMix, UsageTypes.InstallerKeys);
        var segmentPriors = SegmentPriors(k);
        var traits = population.Traits;
        Span<double> alpha = stackalloc double[k];
        for (var u = 0; u < users.Count; u++)
        {
            var rng = new RandomCursor(seed, (ulong)u, StreamIds.Persona);

            // The country is the persona stream's third draw (after generation and age), but a
            // market's own mixes need it first: read it from a copy of the cursor, so every draw
            // keeps its counter and a world without markets is the same world as before.
            var ahead = rng;
            ahead.NextBits();
            ahead.NextBits();
            var country = ahead.Categorical(countryCum);
            var gen = (Generation)rng.Categorical(genCumOf[country]);
            var (min, max) = Generations.AgeRange(gen);
            var age = min + rng.NextInt(max - min + 1);
            rng.NextBits(); // the country draw, read above
            var gender = rng.Categorical(genderCum);
            users.Persona.Generation[u] = gen;
            users.Persona.Age[u] = (byte)age;
            users.Persona.Gender[u] = (byte)gender;
            users.Persona.Country[u] = (byte)country;
            users.Persona.UtcOffsetMinutes[u] = (short)Countries.All[country].UtcOffsetMinutes;
            users.Persona.Device[u] = (DeviceKind)rng.Categorical(deviceCumOf[country]);
            users.Persona.IsTeen[u] = age < 18;
            users.Persona.IsPoster[u] = rng.Bernoulli(population.PosterShare);
            users.Persona.NoveltySeeking[u] = (float)Beta(ref rng, traits.NoveltySeeking);
            users.Persona.AuthenticityPreference[u] = (float)Beta(ref rng, traits.AuthenticityPreference);
            users.Persona.SocialProofSensitivity[u] = (float)Beta(ref rng, traits.SocialProofSensitivity);
            users.Persona.AdTolerance[u] = (float)Beta(ref rng, traits.AdTolerance);
            users.Persona.PurchasePropensity[u] = (float)Beta(ref rng, traits.PurchasePropensity);

            // θ ~ Dirichlet(c·prior of the user's generation × gender segment): concentration
            // 0.3·K keeps most users on a few topics.
            var topicPrior = segmentPriors[(int)gen * Genders.Keys.Length + gender];
            var concentration = 0.3 * k;
            for (var t = 0; t < k; t++)
            {
                alpha[t] = Math.Max(1e-3, concentration * topicPrior[t]);
            }

            rng.Dirichlet(alpha, users.Persona.Interest.AsSpan(u * k, k));

            // Preferred length: log-normal, median shorter for younger users. Seed document:
            // 96 % of Gen Z, 94 % of millennials, 86 % of Gen X prefer videos under 4 minutes
            // (CALIBRATION.md §1), i.e. P(pref < 240 s) = those shares.
            var (median, sigma) = PreferredLengthModel(gen);
            users.Persona.PreferredLength[u] = (float)Math.Exp(Math.Log(median) + sigma * rng.Normal());

            var visitSpread = rng.Normal();

            // Typical session ≈ 8 min (CALIBRATION.md §1, GWS Magnify 2024), varied per user.
            users.Persona.SessionHabitSeconds[u] = (float)(480 * Math.Exp(0.5 * rng.Normal()));

            // Users already there on day 0 are light, casual or core; installs during the run are
            // trial, casual or core users (population.base_mix, population.installer_mix).
            UsageType type;
            if (rng.Bernoulli(population.InstallingShare))
            {
                // Installs arrive at one rate over the warm-up and the reported days, so the world
                // the reports begin on already holds installs of every recent age, as a running app does.
                users.Persona.InstallSecond[u] = (long)((rng.NextDouble() * (days + warmupDays) * 86_400.0) - (warmupDays * 86_400.0));
                type = InstallerTypes[rng.Categorical(installerCum)];
            }
            else
            {
                users.Persona.InstallSecond[u] = PersonaColumns.Existing;
                type = BaseTypes[rng.Categorical(baseCum)];
            }

            // Visit rate at full habit: log-normal within the type (the heavy tail of use), scaled
            // by the generation's relative activity.
            var returns = behaviour.Return;
            users.Persona.Usage[u] = type;
            users.Persona.VisitRate[u] = (float)(GenerationActivity(gen) * returns.VisitsPerDay.Of(type) * Math.Exp(returns.VisitRateSpread * visitSpread));
            users.Persona.Clustering[u] = (float)Math.Min(0.95, Beta(ref rng, returns.Clustering, 8));
            users.Return.Habit[u] = (float)Math.Clamp(returns.InitialHabit.Of(type), returns.HabitFloor, 1.0);

            // Expectations differ between people (sd 0.5, a modelling choice); the spread keeps the
            // population's habit response smooth instead of all users tipping at one utility.
            users.Persona.HabitNeutral[u] = (float)(behaviour.HabitNeutralUtility + 0.5 * rng.Normal());
            // Taste from its own stream, so adding it left every other trait's dice unchanged.
            var taste = new RandomCursor(seed, (ulong)u, StreamIds.Taste);
            users.Persona.Taste[u] = TasteVector.Draw(ref taste, default, 0);
        }

        UserPolicies.Assign(users, policies, seed);
        return users;
    }

    private static readonly UsageType[] BaseTypes = [UsageType.Light, UsageType.Casual, UsageType.Core];
    private static readonly UsageType[] InstallerTypes = [UsageType.Trial, UsageType.Casual, UsageType.Core];

    /// <summary>Beta draw with the given mean and concentration (via two gamma draws); 0 or 1 at the ends.</summary>
    private static double Beta(ref RandomCursor rng, double mean, double concentration = 4)
    {
        if (mean <= 0 || mean >= 1)
        {
            return Math.Clamp(mean, 0, 1);
        }

        var a = rng.Gamma(mean * concentration);
        var b = rng.Gamma((1 - mean) * concentration);
        return a / (a + b);
    }

    /// <summary>
    /// Topic priors per generation × gender segment: the platform-wide prior tilted by a fixed
    /// log-normal factor per (segment, topic) (sd 0.7; not published, a modelling choice). The
    /// tilt is keyed by a constant, not the run seed, so segments keep their tastes across runs.
    /// </summary>
    public static double[][] SegmentPriors(int k)
    {
        var global = TopicPrior(k);
        var segments = Generations.Keys.Length * Genders.Keys.Length;
        var priors = new double[segments][];
        for (var s = 0; s < segments; s++)
        {
            var p = new double[k];
            double sum = 0;
            var rng = new RandomCursor(0x5E6_0000UL, (ulong)s, 0);
            for (var t = 0; t < k; t++)
            {
                p[t] = global[t] * Math.Exp(0.7 * rng.Normal());
                sum += p[t];
            }

            for (var t = 0; t < k; t++)
            {
                p[t] /= sum;
            }

            priors[s] = p;
        }

        return priors;
    }

    /// <summary>
    /// Relative session rate by generation: eMarketer's 2025 US forecast has 18–24-year-olds at
    /// 77 min/day and 55–64-year-olds at 39 (CALIBRATION.md §1), about 2:1 from youngest to oldest.
    /// </summary>
    internal static double GenerationActivity(Generation g) => g switch
    {
        Generation.GenZ => 1.3,
        Generation.Millennial => 1.0,
        Generation.GenX => 0.8,
        _ => 0.65,
    };

    /// <summary>Median preferred length (s) and log-sd per generation, solved so that P(pref &lt; 240 s) matches the seed shares.</summary>
    internal static (double Median, double Sigma) PreferredLengthModel(Generation g)
    {
        // With sigma = 1, P(pref < 240) = Φ((ln 240 − ln median)/1): median = 240·exp(−z).
        // z(0.96) = 1.751 → 41.7 s; z(0.94) = 1.555 → 50.7 s; z(0.86) = 1.080 → 81.5 s.
        // Boomers: no published share; we extend the trend to z(0.80) = 0.842 → 103 s.
        return g switch
        {
            Generation.GenZ => (41.7, 1.0),
            Generation.Millennial => (50.7, 1.0),
            Generation.GenX => (81.5, 1.0),
            _ => (103.0, 1.0),
        };
    }

    /// <summary>Platform-wide topic popularity: Zipf-like with exponent 0.6 (not published; a modelling choice).</summary>
    public static double[] TopicPrior(int k)
    {
        var p = new double[k];
        double sum = 0;
        for (var t = 0; t < k; t++)
        {
            p[t] = 1.0 / Math.Pow(t + 1, 0.6);
            sum += p[t];
        }

        for (var t = 0; t < k; t++)
        {
            p[t] /= sum;
        }

        return p;
    }

    /// <summary>Cumulative generation and device shares for each country index: the market's own where population.markets gives them, else the population-wide ones.</summary>
    internal static (double[][] Generations, double[][] Devices) MarketMixes(PopulationOptions population)
    {
        var genCum = Cumulative(population.Generations, Population.Generations.Keys);
        var deviceCum = Cumulative(population.Devices, Population.Devices.Keys);
        var gens = new double[Countries.All.Length][];
        var devices = new double[Countries.All.Length][];
        Array.Fill(gens, genCum);
        Array.Fill(devices, deviceCum);
        foreach (var market in population.Markets)
        {
            var c = Countries.IndexOf(market.Country);
            if (c < 0)
            {
                throw new ArgumentException($"population.markets: unknown country '{market.Country}'.", nameof(population));
            }

            if (market.Generations is { } g)
            {
                gens[c] = Cumulative(g, Population.Generations.Keys);
            }

            if (market.Devices is { } d)
            {
                devices[c] = Cumulative(d, Population.Devices.Keys);
            }
        }

        return (gens, devices);
    }

    private static double[] Cumulative(Dictionary<string, double> shares, string[] keys)
    {
        var cum = new double[keys.Length];
        double acc = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            acc += shares.TryGetValue(keys[i], out var v) ? v : 0;
            cum[i] = acc;
        }

        return cum;
    }
}
