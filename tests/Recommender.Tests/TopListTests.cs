using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Recommender.State;

namespace Recommender.Tests;

public sealed class TopListTests
{
    [Property(MaxTest = 300)]
    public Property Should_EqualAFullSortsPrefix_When_RebuiltFromAnyScores(float[] raw, byte k)
    {
        var size = k % 20 + 1;
        var scores = raw.Select(x => float.IsFinite(x) ? x : 0f).ToArray();
        var list = new TopList(size);
        list.Rebuild(scores);
        var expected = Enumerable.Range(0, scores.Length)
            .Where(i => scores[i] > 0)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(size)
            .ToArray();
        return list.Ids.ToArray().SequenceEqual(expected).ToProperty();
    }
}
