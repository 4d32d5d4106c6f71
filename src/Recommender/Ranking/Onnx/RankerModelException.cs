namespace Recommender.Ranking.Onnx;

/// <summary>An external ranker model that cannot be used, with every problem found in it.</summary>
public sealed class RankerModelException(string path, IReadOnlyList<string> problems)
    : Exception($"{path}: {string.Join(" ", problems)}")
{
    /// <summary>The model file.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong, one sentence each, saying what was expected.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
