using System.Reflection;

namespace Simulator.Cli.Tests;

/// <summary>
/// The dependency rules of DESIGN.md §2, checked on the compiled assemblies:
/// Cli → Runs → {Scenarios, World, Reporting}; Reporting reads World and Scenarios types;
/// Scenarios → World → {Engine, Recommender}; Engine and Recommender see none of ours.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Simulator.Engine"] = [],
        ["Recommender"] = [],
        ["Simulator.World"] = ["Simulator.Engine", "Recommender"],
        ["Simulator.Scenarios"] = ["Simulator.World", "Simulator.Engine", "Recommender"],
        ["Simulator.Reporting"] = ["Simulator.World", "Simulator.Scenarios", "Simulator.Engine", "Recommender"],
        ["Simulator.Runs"] = ["Simulator.Reporting", "Simulator.Scenarios", "Simulator.World", "Simulator.Engine", "Recommender"],
        ["simulator"] = ["Simulator.Runs", "Simulator.Reporting", "Simulator.Scenarios", "Simulator.World", "Simulator.Engine", "Recommender"],
    };

    private static Assembly Load(string name) =>
        name == "simulator" ? typeof(CliApp).Assembly : Assembly.Load(new AssemblyName(name));

    private static bool Ours(AssemblyName a) => a.Name is "Recommender" or "simulator" || a.Name!.StartsWith("Simulator.", StringComparison.Ordinal);

    /// <summary>The layers below the CLI, bottom up.</summary>
    public static TheoryData<string> LayersBelowCli => [.. Below];

    /// <summary>Every layer, the CLI included.</summary>
    public static TheoryData<string> Layers => [.. Below, "simulator"];

    private static readonly string[] Below = ["Simulator.Engine", "Recommender", "Simulator.World", "Simulator.Scenarios", "Simulator.Reporting", "Simulator.Runs"];

    [Theory]
    [MemberData(nameof(Layers))]
    public void Should_ReferenceOnlyTheLayersBelow_When_Built(string assembly)
    {
        // Given a layer's compiled assembly
        var references = Load(assembly).GetReferencedAssemblies().Where(Ours).Select(a => a.Name!).ToList();

        // Then it references only what the layer picture allows
        var forbidden = references.Except(Allowed[assembly]).ToList();
        Assert.True(forbidden.Count == 0, $"{assembly} references {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void Should_LeaveRunningToTheRunLayer_When_ReportingIsBuilt()
    {
        // Reporting is pure: it turns results into files, it never builds or steps a world.
        var reporting = Load("Simulator.Reporting");
        var world = Load("Simulator.World");
        var simulationWorld = world.GetType("Simulator.World.Simulation.SimulationWorld", throwOnError: true)!;
        var usesWorld = reporting.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == simulationWorld) || m.ReturnType == simulationWorld)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.True(usesWorld.Count == 0, "Reporting handles a live world in " + string.Join(", ", usesWorld));
    }

    [Fact]
    public void Should_NameNoDomainWord_When_TheEngineIsBuilt()
    {
        // The engine knows ticks, systems, streams, chunks and wheels, not users, videos or campaigns.
        string[] domain = ["User", "Video", "Creator", "Campaign", "Persona", "Scenario", "Recommend", "Feed"];
        var names = Load("Simulator.Engine").GetTypes().Select(t => t.Name).ToList();
        Assert.NotEmpty(names);
        var leaks = names.Where(n => domain.Any(d => n.Contains(d, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, "engine types named by the domain: " + string.Join(", ", leaks));
    }

    [Theory]
    [MemberData(nameof(LayersBelowCli))]
    public void Should_LeaveTheWebServerToTheCli_When_ALayerBelowIsBuilt(string assembly)
    {
        // The live view's Kestrel is the CLI's: no layer that simulates or measures serves anything.
        var web = Load(assembly).GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).ToList();
        Assert.Empty(web);
    }
}
