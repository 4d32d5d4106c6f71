namespace Recommender.Abstractions;

/// <summary>Explicit reactions logged with an impression.</summary>
[Flags]
public enum Reactions : byte
{
    /// <summary>No reaction.</summary>
    None = 0,

    /// <summary>Watched to the end at least once.</summary>
    Finished = 1,

    /// <summary>Liked.</summary>
    Liked = 2,

    /// <summary>Commented.</summary>
    Commented = 4,

    /// <summary>Shared.</summary>
    Shared = 8,

    /// <summary>Followed the creator from this video.</summary>
    Followed = 16,

    /// <summary>Marked "not interested".</summary>
    NotInterested = 32,
}
