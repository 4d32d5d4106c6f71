using Recommender.Ranking;

namespace Simulator.Cli.Tests;

public sealed class ContractDocTests
{
    [Fact]
    public async Task Should_MatchTheCommittedPage_When_TheContractIsRendered()
    {
        // Given the contract in code, When `simulator contract` prints it
        var printed = await CliRun.Run("contract");
        var json = await CliRun.Run("contract", "--json");

        // Then it is the committed docs page (regenerate with `simulator contract --out docs/feature-contract.md`)
        // and the JSON lists every feature in row order
        Assert.Equal(0, printed.Code);
        Assert.Equal(await File.ReadAllTextAsync(CliRun.RepoPath("docs", "feature-contract.md")), printed.Out);
        Assert.Equal(FeatureContract.Features.Count, System.Text.Json.JsonDocument.Parse(json.Out).RootElement.GetProperty("features").GetArrayLength());
        Assert.Equal(Enumerable.Range(0, FeatureContract.Features.Count), FeatureContract.Features.Select(f => f.Index));
    }
}
