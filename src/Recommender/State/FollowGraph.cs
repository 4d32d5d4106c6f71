namespace Recommender.State;

/// <summary>
/// Who follows whom (from logged follows), follower counts, and each creator's latest uploads
/// for the "following" candidates and the chronological feed.
/// </summary>
internal sealed class FollowGraph
{
    /// <summary>Creators remembered per user (oldest forgotten first).</summary>
    public const int PerUser = 16;

    /// <summary>Latest uploads remembered per creator.</summary>
    public const int RecentUploads = 4;

    private int[] _followed;
    private byte[] _next;
    private int[] _followers;
    private int[] _recent;

    public FollowGraph(int users, int creators)
    {
        users = Math.Max(1, users);
        creators = Math.Max(1, creators);
        _followed = new int[users * PerUser];
        _followed.AsSpan().Fill(-1);
        _next = new byte[users];
        _followers = new int[creators];
        _recent = new int[creators * RecentUploads];
        _recent.AsSpan().Fill(-1);
    }

    public void EnsureUsers(int users)
    {
        if (users * PerUser <= _followed.Length)
        {
            return;
        }

        var n = Math.Max(users, _next.Length * 2);
        var old = _followed.Length;
        Array.Resize(ref _followed, n * PerUser);
        _followed.AsSpan(old).Fill(-1);
        Array.Resize(ref _next, n);
    }

    public void EnsureCreators(int creators)
    {
        if (creators <= _followers.Length)
        {
            return;
        }

        var n = Math.Max(creators, _followers.Length * 2);
        var old = _recent.Length;
        Array.Resize(ref _followers, n);
        Array.Resize(ref _recent, n * RecentUploads);
        _recent.AsSpan(old).Fill(-1);
    }

    public ReadOnlySpan<int> Followed(int user) => _followed.AsSpan(user * PerUser, PerUser);

    public bool Follows(int user, int creator) => Followed(user).Contains(creator);

    public int Followers(int creator) => _followers[creator];

    public int CreatorCapacity => _followers.Length;

    public ReadOnlySpan<int> Recent(int creator) => _recent.AsSpan(creator * RecentUploads, RecentUploads);

    public void Follow(int user, int creator)
    {
        if (Follows(user, creator))
        {
            return;
        }

        var slot = user * PerUser + _next[user];
        var dropped = _followed[slot];
        if (dropped >= 0)
        {
            _followers[dropped]--;
        }

        _followed[slot] = creator;
        _next[user] = (byte)((_next[user] + 1) % PerUser);
        _followers[creator]++;
    }

    /// <summary>Removes a follow, if there is one.</summary>
    public void Unfollow(int user, int creator)
    {
        var row = _followed.AsSpan(user * PerUser, PerUser);
        var i = row.IndexOf(creator);
        if (i >= 0)
        {
            row[i] = -1;
            _followers[creator]--;
        }
    }

    public void Uploaded(int creator, int video)
    {
        var row = _recent.AsSpan(creator * RecentUploads, RecentUploads);
        row[..^1].CopyTo(row[1..]);
        row[0] = video;
    }

    public void ClearLearned()
    {
        _followed.AsSpan().Fill(-1);
        Array.Clear(_next);
        Array.Clear(_followers);
    }
}
