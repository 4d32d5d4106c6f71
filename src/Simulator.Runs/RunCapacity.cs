using System.Globalization;
using Simulator.Engine.Snapshots;
using Simulator.Reporting.Collection;
using Simulator.Scenarios.Model;
using Simulator.World.Simulation;

namespace Simulator.Runs;

/// <summary>
/// Refuses, before anything runs, a population that would overflow one of the state's arrays or
/// not fit in memory. Both are read from the state itself: two small worlds of the scenario are
/// built (not run) and every array of their state measured, so each array's growth per user, and
/// the bytes per user, come from the structures as they are — no table to keep up to date.
/// </summary>
public static class RunCapacity
{
    /// <summary>Users held in memory at once below which no check is needed (a few hundred MB at most).</summary>
    public const long CheckFromUsers = 250_000;

    // Measured: the peak working set of a million-user ranked day is 1.2× the state right after the
    // build (results/benchmarks/bench-session9.md: 1,353 MiB peak, 1,130 MiB after build), for the
    // catalogue's growth, training rows and the runtime; a quarter on top of the state covers it.
    private const double Headroom = 1.25;

    private const int SmallUsers = 2_000;
    private const int LargeUsers = 4_000;

    /// <summary>Why the run cannot fit, in a sentence naming the numbers; null when it fits.</summary>
    /// <param name="scenario">The scenario as it will run.</param>
    /// <param name="options">Scale, replications and lanes (worlds held at once).</param>
    /// <param name="availableBytes">Memory the process may use (the GC's view, container limits included).</param>
    public static string? Refusal(Scenario scenario, RunOptions options, long availableBytes)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var users = (long)Math.Max(1, Math.Round(scenario.Population.Size * options.Scale));
        var worlds = ScenarioRunner.Lanes(scenario, options, ScenarioRunner.Planned(scenario, options));
        if (users * worlds < CheckFromUsers)
        {
            return null;
        }

        var small = Measure(scenario, SmallUsers);
        var large = Measure(scenario, LargeUsers);
        var inv = CultureInfo.InvariantCulture;
        var problems = new List<string>();
        (StatePart Part, double Predicted, long Most)? binding = null;
        foreach (var part in large)
        {
            var before = small.FirstOrDefault(p => p.Path == part.Path)?.LargestArray ?? 0;
            var perUser = (part.LargestArray - before) / (double)(LargeUsers - SmallUsers);
            var predicted = part.LargestArray + perUser * (users - LargeUsers);
            var most = perUser > 0 ? (long)(LargeUsers + (Array.MaxLength - part.LargestArray) / perUser) : long.MaxValue;
            if (predicted > Array.MaxLength && most < (binding?.Most ?? long.MaxValue))
            {
                binding = (part, predicted, most);
            }
        }

        if (binding is var (over, elements, limit))
        {
            problems.Add(string.Create(inv, $"{over.Path} would need an array of {elements:N0} elements (.NET allows {Array.MaxLength:N0}), so at most {limit:N0} users fit these settings"));
        }

        var smallBytes = small.Sum(p => p.Bytes);
        var bytesPerUser = (large.Sum(p => p.Bytes) - smallBytes) / (double)(LargeUsers - SmallUsers);
        var fixedBytes = Math.Max(0, smallBytes - bytesPerUser * SmallUsers);
        var needed = (fixedBytes + bytesPerUser * users) * worlds * Headroom;
        if (needed > availableBytes)
        {
            problems.Add(string.Create(inv, $"it needs about {needed / (1L << 30):F1} GiB ({bytesPerUser:N0} bytes per user × {users:N0} users + {fixedBytes / (1 << 20):N0} MiB fixed, × {worlds} world(s) in memory at once, +{(Headroom - 1) * 100:F0} % for the run) and {availableBytes / (double)(1L << 30):F1} GiB is available"));
        }

        return problems.Count == 0
            ? null
            : string.Create(inv, $"population.size {users:N0} cannot run on this machine: ") + string.Join("; and ", problems) + ". Lower population.size or --scale.";
    }

    private static IReadOnlyList<StatePart> Measure(Scenario scenario, int users)
    {
        // Without the catalogue floor, so that the creators' state grows with the users between the two
        // probes as it does in the large world being checked (the floor binds only far below it).
        var sized = scenario with { Population = scenario.Population with { Size = users }, Content = scenario.Content with { CatalogueMinUsers = 0 } };
        using var world = new SimulationWorld(ReplicationSettings.For(sized, 0, threads: 1));
        return SnapshotFile.MeasureState(new ReplicationState(world, new DailyCollector()));
    }
}
