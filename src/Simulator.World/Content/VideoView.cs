namespace Simulator.World.Content;

/// <summary>What a viewer perceives of a video: its topic, length, production quality, how authentic it feels, and its visible like count.</summary>
public readonly record struct VideoView(int Topic, float Length, float Quality, float Authenticity, int Likes);
