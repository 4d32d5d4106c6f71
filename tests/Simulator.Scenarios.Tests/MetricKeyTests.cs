using System.Reflection;
using Simulator.Scenarios.Model;

namespace Simulator.Scenarios.Tests;

public sealed class MetricKeyTests
{
    [Fact]
    public void Should_ListEveryKeyConstant_When_TheCatalogueIsRead()
    {
        // Given every fixed key constant of MetricKeys (prefixes aside)
        var constants = typeof(MetricKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Prefix", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        // Then the catalogue's headline list is exactly those keys, and each is known
        Assert.Equal(constants.Order(StringComparer.Ordinal), MetricCatalog.Headline.Order(StringComparer.Ordinal));
        Assert.All(constants, k => Assert.True(MetricCatalog.IsKnown(k), k));
        Assert.Equal(MetricKeys.RetentionD7, MetricKeys.Retention(7));
        Assert.Equal(MetricKeys.Completion15s, MetricKeys.Completion(15));
    }
}
