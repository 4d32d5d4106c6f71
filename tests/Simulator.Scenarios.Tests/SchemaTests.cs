using Simulator.Scenarios.Schema;

namespace Simulator.Scenarios.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void Should_DescribeEveryKeyWithDefaults_When_SchemaIsBuilt()
    {
        var schema = ScenarioSchema.Build();
        var props = schema["properties"]!.AsObject();
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        foreach (var key in new[] { "name", "seed", "replications", "duration", "population", "content", "behaviour", "recommender", "guardrails", "variants" })
        {
            Assert.True(props.ContainsKey(key), key);
            Assert.False(string.IsNullOrWhiteSpace(props[key]!["description"]?.GetValue<string>()), $"{key} has no description");
        }

        var defs = schema["$defs"]!.AsObject();
        var population = defs["PopulationOptions"]!["properties"]!.AsObject();
        Assert.Equal(10_000, population["size"]!["default"]!.GetValue<int>());
        Assert.Equal(1, population["size"]!["minimum"]!.GetValue<double>());
        Assert.Contains("US", population["countries"]!["propertyNames"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        var recommender = defs["RecommenderOptions"]!["properties"]!.AsObject();
        Assert.Equal(["ranked", "popularity", "random", "chronological", "untrained", "plugin"], recommender["policy"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("1m", defs["DurationOptions"]!["properties"]!["tick"]!["default"]!.GetValue<string>());
    }

    [Fact]
    public void Should_DescribeEveryNestedProperty_When_SchemaIsBuilt()
    {
        var defs = ScenarioSchema.Build()["$defs"]!.AsObject();
        foreach (var (name, def) in defs)
        {
            foreach (var (key, prop) in def!["properties"]!.AsObject())
            {
                Assert.False(string.IsNullOrWhiteSpace(prop!["description"]?.GetValue<string>()), $"{name}.{key} has no description");
            }
        }
    }

    [Fact]
    public void Should_MatchCommittedSchema_When_ScenarioModelChanges()
    {
        // The committed scenarios/scenario.schema.json is what editors load; regenerate it with
        // `dotnet run --project src/Simulator.Cli -- schema --out scenarios/scenario.schema.json`.
        var committed = Path.Combine(RepoRoot(), "scenarios", "scenario.schema.json");
        Assert.Equal(ScenarioSchema.ToJson() + "\n", File.ReadAllText(committed));
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Simulator.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Simulator.sln not found above the test folder.");
    }
}
