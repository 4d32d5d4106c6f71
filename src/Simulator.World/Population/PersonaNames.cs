using Bogus;
using Simulator.Engine.Random;

namespace Simulator.World.Population;

/// <summary>
/// Names and home towns for sampled personas, from Bogus in the persona's country locale, so a
/// table of synthetic users reads like people. Display only: nothing in the simulation uses them.
/// Each name is seeded from the user's own stream, so the same user always has the same name.
/// </summary>
public sealed class PersonaNames
{
    private const ulong NameStream = 0x4E414D45;
    private readonly Dictionary<string, Faker> _fakers = new(StringComparer.Ordinal);
    private readonly ulong _seed;

    public PersonaNames(ulong seed) => _seed = seed;

    public (string Name, string Town) For(UserTable users, int u)
    {
        ArgumentNullException.ThrowIfNull(users);
        var locale = Countries.All[users.Persona.Country[u]].Locale;
        if (!_fakers.TryGetValue(locale, out var faker))
        {
            faker = new Faker(locale);
            _fakers[locale] = faker;
        }

        faker.Random = new Randomizer((int)(CounterRng.Draw(_seed, (ulong)u, NameStream, 0) & int.MaxValue));
        var gender = users.Persona.Gender[u] == 0 ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
        return ($"{faker.Name.FirstName(gender)} {faker.Name.LastName(gender)}", faker.Address.City());
    }
}
