namespace Recommender.State;

/// <summary>
/// The serving context of each user's most recently served videos (local hour, session position,
/// and the probability with which the slot was chosen), so that a logged outcome can be joined
/// with what the platform knew when it served the video, as feature logging does in production.
/// </summary>
internal sealed class ServedContexts
{
    public const int PerUser = 32;

    private int[] _video;
    private byte[] _hour;
    private short[] _position;
    private float[] _propensity;
    private byte[] _next;

    public ServedContexts(int users)
    {
        users = Math.Max(1, users);
        _video = new int[users * PerUser];
        _video.AsSpan().Fill(-1);
        _hour = new byte[users * PerUser];
        _position = new short[users * PerUser];
        _propensity = new float[users * PerUser];
        _next = new byte[users];
    }

    public void EnsureUsers(int users)
    {
        if (users <= _next.Length)
        {
            return;
        }

        var n = Math.Max(users, _next.Length * 2);
        var old = _video.Length;
        Array.Resize(ref _video, n * PerUser);
        _video.AsSpan(old).Fill(-1);
        Array.Resize(ref _hour, n * PerUser);
        Array.Resize(ref _position, n * PerUser);
        Array.Resize(ref _propensity, n * PerUser);
        Array.Resize(ref _next, n);
    }

    public void Add(int user, int video, int hour, int position, float propensity)
    {
        var i = user * PerUser + _next[user];
        _video[i] = video;
        _hour[i] = (byte)hour;
        _position[i] = (short)Math.Min(position, short.MaxValue);
        _propensity[i] = propensity;
        _next[user] = (byte)((_next[user] + 1) % PerUser);
    }

    /// <summary>Finds the serving context of <paramref name="video"/> for <paramref name="user"/>; false if it is no longer remembered.</summary>
    public bool TryGet(int user, int video, out int hour, out int position, out float propensity)
    {
        var row = _video.AsSpan(user * PerUser, PerUser);
        var k = row.IndexOf(video);
        if (k < 0)
        {
            hour = 12;
            position = 0;
            propensity = 1f;
            return false;
        }

        var i = user * PerUser + k;
        hour = _hour[i];
        position = _position[i];
        propensity = _propensity[i];
        return true;
    }
}
