namespace Simulator.Cli.Tests;

/// <summary>A feed policy written outside the simulator, loaded from its assembly and gated by <c>compare</c> like any arm.</summary>
public sealed class PluginCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sim-plugin-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The sample's build output, in the configuration these tests were built in.
    private static string SampleDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return CliRun.RepoPath("samples", "TopicBanditPlugin", "bin", configuration, "net10.0", "TopicBanditPlugin.dll");
    }

    private static string Study(string assembly, string type) => $"""
        name: plug
        seed: 9
        replications: 2
        duration: {"{"} days: 2, warmup_days: 2 {"}"}
        population: {"{"} size: 300 {"}"}
        content: {"{"} catalogue_min_users: 0 {"}"}
        recommender: {"{"} policy: ranked {"}"}
        variants:
          bandit:
            recommender:
              policy: plugin
              plugin: {"{"} assembly: '{assembly}', type: {type} {"}"}
        """;

    [Fact]
    public async Task Should_RunThePluginAsAComparedArm_When_TheSampleIsNamed()
    {
        // Given a study whose variant is the sample plug-in
        Assert.True(File.Exists(SampleDll()), $"the sample plug-in is not built at {SampleDll()}");
        var file = Path.Combine(_dir, "plug.yaml");
        await File.WriteAllTextAsync(file, Study(SampleDll(), "TopicBanditPlugin.TopicBandit"));

        // When it is compared twice
        var first = await CliRun.Run("compare", file, "--out", Path.Combine(_dir, "a"), "--quiet", "--threads", "1");
        var second = await CliRun.Run("compare", file, "--out", Path.Combine(_dir, "b"), "--quiet", "--threads", "2");

        // Then it has a verdict, the plug-in arm served impressions and recorded its assembly, and
        // the results are the same bytes on another thread count
        Assert.True(first.Code is 0 or 3, first.Err);
        Assert.Contains("verdict:", first.Out, StringComparison.Ordinal);
        var summary = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_dir, "a", "plug-compare", "arms", "bandit", "summary.json")))!;
        Assert.True(summary["impressions"]!.GetValue<long>() > 1000);
        var manifest = await File.ReadAllTextAsync(Path.Combine(_dir, "a", "plug-compare", "arms", "bandit", "manifest.json"));
        Assert.Contains("\"plugin_type\": \"TopicBanditPlugin.TopicBandit\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"plugin_assembly_sha256\": \"", manifest, StringComparison.Ordinal);
        Assert.Equal(0, second.Code is 0 or 3 ? 0 : second.Code);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_dir, "a", "plug-compare", "compare.json")), await File.ReadAllTextAsync(Path.Combine(_dir, "b", "plug-compare", "compare.json")));
    }

    [Fact]
    public async Task Should_ExitTwoNamingWhatExists_When_TheTypeOrAssemblyIsWrong()
    {
        // Given studies naming a type the sample does not have, and an assembly that does not exist
        var file = Path.Combine(_dir, "plug.yaml");
        await File.WriteAllTextAsync(file, Study(SampleDll(), "TopicBanditPlugin.Nope"));
        var wrongType = await CliRun.Run("validate", file);
        await File.WriteAllTextAsync(file, Study(Path.Combine(_dir, "missing.dll"), "X.Y"));
        var missing = await CliRun.Run("validate", file);

        // Then each exits 2 at the plug-in key with what is there or expected
        Assert.Equal(2, wrongType.Code);
        Assert.Contains("error at 'variants.bandit.recommender.plugin.assembly'", wrongType.Err, StringComparison.Ordinal);
        Assert.Contains("no type 'TopicBanditPlugin.Nope'; types implementing IFeedPlugin in it: [TopicBanditPlugin.TopicBandit]", wrongType.Err, StringComparison.Ordinal);
        Assert.Equal(2, missing.Code);
        Assert.Contains("file not found", missing.Err, StringComparison.Ordinal);
    }
}
