using Simulator.Scenarios.Loading;

namespace Simulator.Scenarios.Tests;

public sealed class ShippedScenarioTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(SchemaTests.RepoRoot(), "scenarios"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_Validate_When_ScenarioIsShipped(string file)
    {
        var doc = ScenarioLoader.Load(Path.Combine(SchemaTests.RepoRoot(), "scenarios", file));
        Assert.Equal(Path.GetFileNameWithoutExtension(file), doc.Scenario.Name);
    }
}
