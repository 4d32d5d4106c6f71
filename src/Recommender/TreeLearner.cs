namespace Recommender;

/// <summary>The gradient-boosted-tree learner of the ranking heads (both from ML.NET, both served by the same evaluator).</summary>
public enum TreeLearner
{
    /// <summary>ML.NET's own FastTree (MART).</summary>
    FastTree,

    /// <summary>LightGBM through ML.NET (Microsoft.ML.LightGbm): histogram-based, leaf-wise growth.</summary>
    LightGbm,
}
