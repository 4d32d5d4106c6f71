namespace Recommender.Ranking;

/// <summary>The ranking objectives (per-objective heads, DESIGN.md §5).</summary>
internal enum Head
{
    ValidView = 0,
    Finish = 1,
    Like = 2,
    Comment = 3,
    Share = 4,
    Follow = 5,
    NotInterested = 6,
}
