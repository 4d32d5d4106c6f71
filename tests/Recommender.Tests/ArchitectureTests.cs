namespace Recommender.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Should_ReferenceNoSimulatorAssembly_When_Built()
    {
        // The recommender is a library a real service could host: it may not see the simulator.
        var references = typeof(RecommenderCore).Assembly.GetReferencedAssemblies();
        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, r => r.Name!.StartsWith("Simulator", StringComparison.Ordinal));
    }
}
