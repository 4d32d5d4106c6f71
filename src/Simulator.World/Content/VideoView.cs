using Simulator.World.Behaviour;

namespace Simulator.World.Content;

/// <summary>What a viewer perceives of a video: its topic, length, production quality, how authentic it feels, its visible like count, any campaign marking, its hidden taste vector (zero: no taste match) and when it was posted (<see cref="Timeless"/>: it does not age).</summary>
public readonly record struct VideoView(int Topic, float Length, float Quality, float Authenticity, int Likes, int Creator = 0, short Campaign = -1, VideoMarks Marks = VideoMarks.None, TasteVector Taste = default, long UploadSecond = VideoView.Timeless)
{
    /// <summary>Upload second of a view that does not age (hand-built views in tests and tools).</summary>
    public const long Timeless = long.MinValue;
}
