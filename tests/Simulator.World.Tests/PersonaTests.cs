using MathNet.Numerics.Distributions;
using Recommender.Abstractions;
using Simulator.World.Behaviour;
using Simulator.World.Population;

namespace Simulator.World.Tests;

public sealed class PersonaTests
{
    private static readonly UserTable Users = PopulationBuilder.Build(new PopulationOptions
    {
        Size = 20_000,
        Countries = new() { ["US"] = 0.4, ["ID"] = 0.3, ["BR"] = 0.2, ["JP"] = 0.1 },
    }, new BehaviourOptions(), seed: 1234, feedCapacity: 8);

    private static double ChiSquarePValue(int[] observed, double[] expectedShares)
    {
        double chi = 0;
        var n = observed.Sum();
        var df = -1;
        for (var i = 0; i < observed.Length; i++)
        {
            if (expectedShares[i] <= 0)
            {
                Assert.Equal(0, observed[i]);
                continue;
            }

            var e = n * expectedShares[i];
            chi += (observed[i] - e) * (observed[i] - e) / e;
            df++;
        }

        return 1 - ChiSquared.CDF(df, chi);
    }

    private static void AssertShares(string[] keys, Dictionary<string, double> configured, Func<int, int> of)
    {
        var counts = new int[keys.Length];
        for (var u = 0; u < Users.Count; u++)
        {
            counts[of(u)]++;
        }

        var expected = keys.Select(k => configured.TryGetValue(k, out var v) ? v : 0).ToArray();
        var p = ChiSquarePValue(counts, expected);
        Assert.True(p > 0.001, $"chi-square p = {p} for {string.Join(",", counts)}");
    }

    [Fact]
    public void Should_MatchConfiguredShares_When_PopulationIsDrawn()
    {
        var o = new PopulationOptions { Countries = new() { ["US"] = 0.4, ["ID"] = 0.3, ["BR"] = 0.2, ["JP"] = 0.1 } };
        AssertShares(Generations.Keys, o.Generations, u => (int)Users.Persona.Generation[u]);
        AssertShares(Countries.Codes, o.Countries, u => Users.Persona.Country[u]);
        AssertShares(Devices.Keys, o.Devices, u => (int)Users.Persona.Device[u]);
        AssertShares(Genders.Keys, o.Genders, u => Users.Persona.Gender[u]);
    }

    [Fact]
    public void Should_KeepAgesInsideGenerationAndFlagTeens_When_PopulationIsDrawn()
    {
        for (var u = 0; u < Users.Count; u++)
        {
            var (min, max) = Generations.AgeRange(Users.Persona.Generation[u]);
            Assert.InRange(Users.Persona.Age[u], min, max);
            Assert.Equal(Users.Persona.Age[u] < 18, Users.Persona.IsTeen[u]);
            Assert.Equal(Countries.All[Users.Persona.Country[u]].UtcOffsetMinutes, Users.Persona.UtcOffsetMinutes[u]);
        }
    }

    [Fact]
    public void Should_PreferShortVideosByGenerationAsTheSeedSays_When_PreferencesAreDrawn()
    {
        // Seed document: 96 % of Gen Z, 94 % of millennials, 86 % of Gen X prefer videos under 4 minutes.
        (Generation Gen, double Share)[] expected = [(Generation.GenZ, 0.96), (Generation.Millennial, 0.94), (Generation.GenX, 0.86)];
        foreach (var (gen, share) in expected)
        {
            int n = 0, under = 0;
            for (var u = 0; u < Users.Count; u++)
            {
                if (Users.Persona.Generation[u] == gen)
                {
                    n++;
                    under += Users.Persona.PreferredLength[u] < 240 ? 1 : 0;
                }
            }

            Assert.InRange((double)under / n, share - 0.02, share + 0.02);
        }
    }

    [Fact]
    public void Should_DrawSamePersona_When_PopulationSizeDiffers()
    {
        var small = PopulationBuilder.Build(new PopulationOptions { Size = 100 }, new BehaviourOptions(), 99, 8);
        var large = PopulationBuilder.Build(new PopulationOptions { Size = 5000 }, new BehaviourOptions(), 99, 8);
        for (var u = 0; u < 100; u++)
        {
            Assert.Equal(small.Persona.Age[u], large.Persona.Age[u]);
            Assert.Equal(small.Persona.PreferredLength[u], large.Persona.PreferredLength[u]);
            Assert.Equal(small.Persona.Interest.AsSpan(u * 20, 20).ToArray(), large.Persona.Interest.AsSpan(u * 20, 20).ToArray());
        }
    }

    [Fact]
    public void Should_StayUnderOneKibPerUser_When_TableIsAllocated()
    {
        // Measured as bytes this thread allocates while building 50,000 personas: every
        // struct-of-arrays column plus any temporaries, so an upper bound on what the table keeps
        // (other tests running in parallel do not disturb a per-thread count).
        var before = GC.GetAllocatedBytesForCurrentThread();
        var users = PopulationBuilder.Build(new PopulationOptions { Size = 50_000 }, new BehaviourOptions(), 5, 8);
        var perUser = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)users.Count;
        GC.KeepAlive(users);
        Assert.InRange(perUser, 100, 1024);
    }

    private static readonly PopulationOptions TwoMarkets = new()
    {
        Size = 20_000,
        Countries = new() { ["US"] = 0.5, ["PK"] = 0.5 },
    };

    [Fact]
    public void Should_DrawMarketUsersFromTheirMarketsMixes_When_MarketsAreGiven()
    {
        var withMarket = TwoMarkets with
        {
            Markets =
            [
                new MarketOptions
                {
                    Country = "PK",
                    Devices = new() { ["android_low"] = 1.0 },
                    Generations = new() { ["gen_z"] = 0.7, ["millennial"] = 0.3 },
                },
            ],
        };
        var users = PopulationBuilder.Build(withMarket, new BehaviourOptions(), seed: 99, feedCapacity: 8);
        var pk = Countries.IndexOf("PK");
        int pkUsers = 0, pkGenZ = 0, usOlder = 0, usUsers = 0, usIos = 0;
        for (var u = 0; u < users.Count; u++)
        {
            if (users.Persona.Country[u] == pk)
            {
                pkUsers++;
                Assert.Equal(DeviceKind.AndroidLow, users.Persona.Device[u]);
                Assert.True(users.Persona.Generation[u] is Generation.GenZ or Generation.Millennial, $"user {u} is {users.Persona.Generation[u]}");
                pkGenZ += users.Persona.Generation[u] == Generation.GenZ ? 1 : 0;
            }
            else
            {
                usUsers++;
                usOlder += users.Persona.Generation[u] is Generation.GenX or Generation.Boomer ? 1 : 0;
                usIos += users.Persona.Device[u] == DeviceKind.Ios ? 1 : 0;
            }
        }

        // PK follows its market (70 % Gen Z of its ~10,000 users: sd ≈ 0.5 pt); the US keeps the
        // population-wide shares (20 % Gen X + boomers, 30 % iOS).
        Assert.InRange(pkGenZ / (double)pkUsers, 0.68, 0.72);
        Assert.InRange(usOlder / (double)usUsers, 0.18, 0.22);
        Assert.InRange(usIos / (double)usUsers, 0.28, 0.32);
    }

    [Fact]
    public void Should_KeepEveryOtherUserAndEveryOtherTrait_When_AMarketIsAdded()
    {
        // Common random numbers across variants: adding a market changes only that market's
        // users' generation (hence age) and device; every draw keeps its place in the stream.
        var plain = PopulationBuilder.Build(TwoMarkets, new BehaviourOptions(), seed: 7, feedCapacity: 8);
        var marketed = PopulationBuilder.Build(TwoMarkets with
        {
            Markets = [new MarketOptions { Country = "US", Devices = new() { ["ios"] = 0.61, ["android_high"] = 0.2, ["android_low"] = 0.19 }, Generations = new() { ["boomer"] = 1.0 } }],
        }, new BehaviourOptions(), seed: 7, feedCapacity: 8);
        var us = Countries.IndexOf("US");
        var changedUs = 0;
        for (var u = 0; u < plain.Count; u++)
        {
            Assert.Equal(plain.Persona.Country[u], marketed.Persona.Country[u]);
            Assert.Equal(plain.Persona.Gender[u], marketed.Persona.Gender[u]);
            Assert.Equal(plain.Persona.IsPoster[u], marketed.Persona.IsPoster[u]);
            Assert.Equal(plain.Persona.NoveltySeeking[u], marketed.Persona.NoveltySeeking[u]);
            if (plain.Persona.Country[u] == us)
            {
                Assert.Equal(Generation.Boomer, marketed.Persona.Generation[u]);
                changedUs += plain.Persona.Generation[u] != Generation.Boomer ? 1 : 0;
            }
            else
            {
                Assert.Equal(plain.Persona.Generation[u], marketed.Persona.Generation[u]);
                Assert.Equal(plain.Persona.Age[u], marketed.Persona.Age[u]);
                Assert.Equal(plain.Persona.Device[u], marketed.Persona.Device[u]);
                Assert.Equal(plain.Persona.VisitRate[u], marketed.Persona.VisitRate[u]);
            }
        }

        Assert.True(changedUs > 8_000, $"{changedUs} US users changed generation");
    }

    [Fact]
    public void Should_BuildTheSameWorld_When_MarketsRestateThePopulationWideMixes()
    {
        var o = new PopulationOptions { Size = 5_000 };
        var restated = o with { Markets = [.. o.Countries.Keys.Select(c => new MarketOptions { Country = c, Devices = o.Devices, Generations = o.Generations })] };
        var a = PopulationBuilder.Build(o, new BehaviourOptions(), seed: 3, feedCapacity: 8);
        var b = PopulationBuilder.Build(restated, new BehaviourOptions(), seed: 3, feedCapacity: 8);
        Assert.Equal(a.Persona.Generation, b.Persona.Generation);
        Assert.Equal(a.Persona.Age, b.Persona.Age);
        Assert.Equal(a.Persona.Device, b.Persona.Device);
        Assert.Equal(a.Persona.Interest, b.Persona.Interest);
        Assert.Equal(a.Persona.VisitRate, b.Persona.VisitRate);
    }
}
