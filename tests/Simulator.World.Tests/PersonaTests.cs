using Recommender.Abstractions;
using MathNet.Numerics.Distributions;
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
        AssertShares(Generations.Keys, o.Generations, u => (int)Users.Generation[u]);
        AssertShares(Countries.Codes, o.Countries, u => Users.Country[u]);
        AssertShares(Devices.Keys, o.Devices, u => (int)Users.Device[u]);
        AssertShares(Genders.Keys, o.Genders, u => Users.Gender[u]);
    }

    [Fact]
    public void Should_KeepAgesInsideGenerationAndFlagTeens_When_PopulationIsDrawn()
    {
        for (var u = 0; u < Users.Count; u++)
        {
            var (min, max) = Generations.AgeRange(Users.Generation[u]);
            Assert.InRange(Users.Age[u], min, max);
            Assert.Equal(Users.Age[u] < 18, Users.IsTeen[u]);
            Assert.Equal(Countries.All[Users.Country[u]].UtcOffsetMinutes, Users.UtcOffsetMinutes[u]);
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
                if (Users.Generation[u] == gen)
                {
                    n++;
                    under += Users.PreferredLength[u] < 240 ? 1 : 0;
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
            Assert.Equal(small.Age[u], large.Age[u]);
            Assert.Equal(small.PreferredLength[u], large.PreferredLength[u]);
            Assert.Equal(small.Interest.AsSpan(u * 20, 20).ToArray(), large.Interest.AsSpan(u * 20, 20).ToArray());
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
            if (users.Country[u] == pk)
            {
                pkUsers++;
                Assert.Equal(DeviceKind.AndroidLow, users.Device[u]);
                Assert.True(users.Generation[u] is Generation.GenZ or Generation.Millennial, $"user {u} is {users.Generation[u]}");
                pkGenZ += users.Generation[u] == Generation.GenZ ? 1 : 0;
            }
            else
            {
                usUsers++;
                usOlder += users.Generation[u] is Generation.GenX or Generation.Boomer ? 1 : 0;
                usIos += users.Device[u] == DeviceKind.Ios ? 1 : 0;
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
            Assert.Equal(plain.Country[u], marketed.Country[u]);
            Assert.Equal(plain.Gender[u], marketed.Gender[u]);
            Assert.Equal(plain.IsPoster[u], marketed.IsPoster[u]);
            Assert.Equal(plain.NoveltySeeking[u], marketed.NoveltySeeking[u]);
            if (plain.Country[u] == us)
            {
                Assert.Equal(Generation.Boomer, marketed.Generation[u]);
                changedUs += plain.Generation[u] != Generation.Boomer ? 1 : 0;
            }
            else
            {
                Assert.Equal(plain.Generation[u], marketed.Generation[u]);
                Assert.Equal(plain.Age[u], marketed.Age[u]);
                Assert.Equal(plain.Device[u], marketed.Device[u]);
                Assert.Equal(plain.SessionRate[u], marketed.SessionRate[u]);
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
        Assert.Equal(a.Generation, b.Generation);
        Assert.Equal(a.Age, b.Age);
        Assert.Equal(a.Device, b.Device);
        Assert.Equal(a.Interest, b.Interest);
        Assert.Equal(a.SessionRate, b.SessionRate);
    }
}
