namespace Recommender.Abstractions;

/// <summary>Video information the platform holds: what an uploader and the upload pipeline provide.</summary>
/// <param name="VideoId">Dense video id, 0-based, in upload order.</param>
/// <param name="CreatorId">Uploading account.</param>
/// <param name="Topic">Topic label from the platform's classifier.</param>
/// <param name="SoundId">Background sound.</param>
/// <param name="LengthSeconds">Duration in seconds.</param>
/// <param name="UploadSecond">Simulated second of upload.</param>
/// <param name="Country">Creator's country (ISO 3166 alpha-2).</param>
/// <param name="Hashtags">Hashtags the uploader added.</param>
public readonly record struct VideoMetadata(
    int VideoId,
    int CreatorId,
    int Topic,
    int SoundId,
    float LengthSeconds,
    long UploadSecond,
    string Country,
    HashtagSet Hashtags = default);
