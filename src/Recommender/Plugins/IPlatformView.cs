using Recommender.Abstractions;

namespace Recommender.Plugins;

/// <summary>What a plug-in may read of the platform: the catalogue, accounts and who was served what.</summary>
public interface IPlatformView
{
    /// <summary>Videos in the catalogue; ids are 0 … VideoCount − 1 in upload order.</summary>
    int VideoCount { get; }

    /// <summary>Registered accounts; ids are 0 … UserCount − 1.</summary>
    int UserCount { get; }

    /// <summary>A video's metadata as it was uploaded.</summary>
    VideoMetadata Video(int videoId);

    /// <summary>An account's settings (country, language, device, teen account, personalisation off).</summary>
    UserAccount Account(int userId);

    /// <summary>Whether the video was served to the user recently (the platform's served history and long memory; feeds skip these).</summary>
    bool WasServed(int userId, int videoId);
}
