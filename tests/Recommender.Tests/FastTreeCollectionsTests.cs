using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Recommender.Ranking;

namespace Recommender.Tests;

public sealed class FastTreeCollectionsTests
{
    [Fact]
    public void Should_SwitchOffTheForcedCollections_When_TheMlNetInUseHasTheSwitch()
    {
        // Given both FastTree trainers the ranking heads use
        var ml = new MLContext(1);
        var binary = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options());
        var regression = ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options());

        // When the forced collections are switched off
        FastTreeCollections.WithoutForcedCollections(binary, out var foundBinary);
        FastTreeCollections.WithoutForcedCollections(regression, out var foundRegression);

        // Then the switch was found on each (an ML.NET upgrade that renames it fails here, not silently)
        Assert.True(foundBinary);
        Assert.True(foundRegression);
    }
}
