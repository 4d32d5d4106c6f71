using System.CommandLine;
using System.Globalization;
using Simulator.World.Behaviour;
using Simulator.World.Population;
using Spectre.Console;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator personas &lt;file&gt;</c>: shows sample personas and the realised segment shares.</summary>
internal static class PersonasCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file." };
        var sample = new Option<int>("--sample") { Description = "How many personas to show.", DefaultValueFactory = _ => 20 };
        var scale = new Option<double>("--scale") { Description = "Multiply the population size.", DefaultValueFactory = _ => 1.0 };
        var command = new Command("personas", "Print sample synthetic personas and the realised shares of every segment against the scenario.") { file, sample, scale };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(sample);
            var s = parse.GetValue(scale);
            if (n < 0 || n > 10_000 || s <= 0 || s > 1000)
            {
                stderr.WriteLine("error: --sample must be 0–10000 and --scale in (0, 1000].");
                return ExitCodes.InvalidInput;
            }

            var document = ScenarioInput.TryLoad(parse.GetValue(file)!, stderr);
            if (document is null)
            {
                return ExitCodes.InvalidInput;
            }

            var settings = Runs.ReplicationSettings.For(document.Scenario, 0, 1, s);
            var users = PopulationBuilder.Build(settings.Population, settings.Behaviour, settings.Seed, settings.Recommender.SlateSize, settings.Policies);
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
            console.Profile.Width = 200;
            console.Write(SampleTable(users, n, settings.Seed));
            console.Write(SharesTable(users, settings.Population));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Table SampleTable(UserTable users, int n, ulong seed)
    {
        var names = new PersonaNames(seed);
        var table = new Table().Title("Sample personas (hidden traits included)");
        foreach (var c in new[] { "id", "name", "town", "age", "generation", "gender", "country", "device", "teen", "posts", "top topics (θ)", "pref. length", "usage", "visits/day", "novelty", "authenticity", "social proof" })
        {
            table.AddColumn(c);
        }

        var inv = CultureInfo.InvariantCulture;
        for (var i = 0; i < Math.Min(n, users.Count); i++)
        {
            var u = (int)((long)i * users.Count / Math.Max(1, Math.Min(n, users.Count)));
            var (name, town) = names.For(users, u);
            table.AddRow(
                u.ToString(inv),
                Markup.Escape(name),
                Markup.Escape(town),
                users.Persona.Age[u].ToString(inv),
                Generations.Keys[(int)users.Persona.Generation[u]],
                Genders.Keys[users.Persona.Gender[u]],
                Countries.All[users.Persona.Country[u]].Code,
                Devices.Keys[(int)users.Persona.Device[u]],
                users.Persona.IsTeen[u] ? "yes" : "no",
                users.Persona.IsPoster[u] ? "yes" : "no",
                TopTopics(users, u),
                string.Create(inv, $"{users.Persona.PreferredLength[u]:F0} s"),
                UsageTypes.Keys[(int)users.Persona.Usage[u]],
                string.Create(inv, $"{users.Persona.VisitRate[u]:F2}"),
                string.Create(inv, $"{users.Persona.NoveltySeeking[u]:F2}"),
                string.Create(inv, $"{users.Persona.AuthenticityPreference[u]:F2}"),
                string.Create(inv, $"{users.Persona.SocialProofSensitivity[u]:F2}"));
        }

        return table;
    }

    private static string TopTopics(UserTable users, int u)
    {
        var k = users.Topics;
        var row = users.Persona.Interest.AsSpan(u * k, k);
        int best = 0, second = 1;
        for (var t = 0; t < k; t++)
        {
            if (row[t] > row[best])
            {
                second = best;
                best = t;
            }
            else if (t != best && row[t] > row[second])
            {
                second = t;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"t{best} {row[best]:P0}, t{second} {row[second]:P0}");
    }

    private static Table SharesTable(UserTable users, PopulationOptions options)
    {
        var table = new Table().Title($"Realised shares over {users.Count:N0} users");
        table.AddColumn("dimension");
        table.AddColumn("segment");
        table.AddColumn(new TableColumn("configured").RightAligned());
        table.AddColumn(new TableColumn("realised").RightAligned());
        Add(table, users, "generation", Generations.Keys, options.Generations, u => (int)users.Persona.Generation[u]);
        Add(table, users, "gender", Genders.Keys, options.Genders, u => users.Persona.Gender[u]);
        Add(table, users, "country", Countries.Codes, options.Countries, u => users.Persona.Country[u]);
        Add(table, users, "device", Devices.Keys, options.Devices, u => (int)users.Persona.Device[u]);
        var posters = 0;
        var teens = 0;
        for (var u = 0; u < users.Count; u++)
        {
            posters += users.Persona.IsPoster[u] ? 1 : 0;
            teens += users.Persona.IsTeen[u] ? 1 : 0;
        }

        table.AddRow("posting", "posts videos", options.PosterShare.ToString("P1", CultureInfo.InvariantCulture), ((double)posters / users.Count).ToString("P1", CultureInfo.InvariantCulture));
        table.AddRow("account", "teen (13–17)", "from ages", ((double)teens / users.Count).ToString("P1", CultureInfo.InvariantCulture));
        return table;
    }

    private static void Add(Table table, UserTable users, string dimension, string[] keys, Dictionary<string, double> configured, Func<int, int> of)
    {
        var counts = new int[keys.Length];
        for (var u = 0; u < users.Count; u++)
        {
            counts[of(u)]++;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            var want = configured.TryGetValue(keys[i], out var v) ? v : 0;
            if (want == 0 && counts[i] == 0)
            {
                continue;
            }

            table.AddRow(dimension, keys[i], want.ToString("P1", CultureInfo.InvariantCulture), ((double)counts[i] / users.Count).ToString("P1", CultureInfo.InvariantCulture));
        }
    }
}
