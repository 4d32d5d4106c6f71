using Recommender.Abstractions;
using Recommender.State;

namespace Recommender.Plugins;

/// <summary>The platform state as a plug-in may read it.</summary>
internal sealed class PlatformView(PlatformState state) : IPlatformView
{
    public int VideoCount => state.Catalog.Count;

    public int UserCount => state.Accounts.Count;

    public VideoMetadata Video(int videoId)
    {
        var c = state.Catalog;
        return new VideoMetadata(videoId, c.Creator(videoId), c.Topic(videoId), c.Sound(videoId), c.Length(videoId), c.UploadSecond(videoId), state.Regions.Code(c.Region(videoId)), c.Hashtags(videoId));
    }

    public UserAccount Account(int userId)
    {
        var a = state.Accounts;
        var country = state.Regions.Code(a.Region(userId));
        return new UserAccount(userId, country, a.Language(userId), a.Device(userId), a.IsTeen(userId), a.NonPersonalized(userId));
    }

    public bool WasServed(int userId, int videoId) => state.Served.Contains(userId, videoId);
}
