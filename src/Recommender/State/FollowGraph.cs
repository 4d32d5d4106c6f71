namespace Recommender.State;

/// <summary>
/// Who follows whom (seeded account state plus logged follows), follower counts, and each
/// creator's latest uploads for the Following feed and the "following" candidates.
/// </summary>
/// <remarks>
/// Follow counts are heavy-tailed (Pew 2024: median 144, a tenth of users above 1,000), so each
/// user's follows are a row of their own, sorted by creator id for a binary-search lookup, sized
/// when the account's follows are seeded with room for <see cref="Slack"/> more. A follow that
/// finds the row full replaces one follow chosen by a hash of (user, creator): the row never
/// grows, so serving and feedback allocate nothing.
/// </remarks>
internal sealed class FollowGraph
{
    /// <summary>Most follows one account may hold: TikTok's own cap on accounts followed.</summary>
    public const int MaxPerUser = 10_000;

    /// <summary>Latest uploads remembered per creator: the Following feed shows at most these of each.</summary>
    public const int RecentUploads = 8;

    /// <summary>Room for follows made during the run beyond the seeded ones: 8, plus a sixteenth of the seeded count.</summary>
    private const int Slack = 8;

    private int[][] _rows;
    private int[] _count;
    private int[] _followers;
    private int[] _recent;
    private long _personalInRows;

    public FollowGraph(int users, int creators)
    {
        users = Math.Max(1, users);
        creators = Math.Max(1, creators);
        _rows = new int[users][];
        _count = new int[users];
        _followers = new int[creators];
        _recent = new int[creators * RecentUploads];
        _recent.AsSpan().Fill(-1);
        Allocate(0, users);
    }

    public int CreatorCapacity => _followers.Length;

    /// <summary>Follows of personal accounts inside friend circles (bits; see <see cref="FriendCircles"/>).</summary>
    public FriendCircles Circles { get; } = new();

    public void EnsureUsers(int users)
    {
        if (users <= _rows.Length)
        {
            return;
        }

        var old = _rows.Length;
        var n = Math.Max(users, old * 2);
        Array.Resize(ref _rows, n);
        Array.Resize(ref _count, n);
        Allocate(old, n);
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

    /// <summary>The accounts <paramref name="user"/> follows outside their friend circle, in increasing id order.</summary>
    public ReadOnlySpan<int> Followed(int user) => _rows[user].AsSpan(0, _count[user]);

    public bool Follows(int user, int creator)
    {
        var bit = Circles.BitOf(user, creator);
        return bit >= 0 ? Circles.Has(bit) : Followed(user).BinarySearch(creator) >= 0;
    }

    /// <summary>Whether <paramref name="user"/> follows any account at all.</summary>
    public bool FollowsAny(int user) => _count[user] > 0 || Circles.FollowsAny(user);

    public int Followers(int creator) => _followers[creator];

    /// <summary>Follow edges held, over all users.</summary>
    public long Edges
    {
        get
        {
            var n = Circles.Edges;
            foreach (var c in _count)
            {
                n += c;
            }

            return n;
        }
    }

    /// <summary>Follow edges to personal accounts (a friend circle's accounts), in circles or outside them.</summary>
    public long PersonalEdges => Circles.Edges + _personalInRows;

    /// <summary>Newest first: video ids are dense in upload order.</summary>
    public ReadOnlySpan<int> Recent(int creator) => _recent.AsSpan(creator * RecentUploads, RecentUploads);

    /// <summary>
    /// Sets the follows an account holds before the run (<paramref name="creators"/>: distinct ids, any
    /// order), replacing any it had: accounts of the user's friend circle become bits, the rest a row
    /// with room for follows made during the run.
    /// </summary>
    public void Seed(int user, ReadOnlySpan<int> creators)
    {
        foreach (var c in Followed(user))
        {
            RowEdge(c, -1);
        }

        Circles.ForEachFollowed(user, c =>
        {
            _followers[c]--;
            Circles.Set(Circles.BitOf(user, c), false);
        });
        var n = 0;
        var row = new int[Math.Min(MaxPerUser, creators.Length)];
        foreach (var c in creators)
        {
            var bit = Circles.BitOf(user, c);
            if (bit >= 0)
            {
                Circles.Set(bit, true);
                _followers[c]++;
            }
            else if (n < row.Length)
            {
                row[n++] = c;
            }
        }

        Array.Resize(ref row, Math.Min(MaxPerUser, n + Slack + (n / 16)));
        Array.Sort(row, 0, n);
        _rows[user] = row;
        _count[user] = n;
        foreach (var c in row.AsSpan(0, n))
        {
            RowEdge(c, 1);
        }
    }

    public void Follow(int user, int creator)
    {
        var bit = Circles.BitOf(user, creator);
        if (bit >= 0)
        {
            _followers[creator] += Circles.Set(bit, true) ? 1 : 0;
            return;
        }

        var row = _rows[user];
        var n = _count[user];
        var at = row.AsSpan(0, n).BinarySearch(creator);
        if (at >= 0)
        {
            return;
        }

        at = ~at;
        if (n == row.Length)
        {
            // Full: forget one follow, chosen by a pure hash so the choice is the same on any thread count.
            var drop = StableHash.Below(StableHash.Hash((ulong)user, (ulong)creator), n);
            RowEdge(row[drop], -1);
            row.AsSpan(drop + 1, n - drop - 1).CopyTo(row.AsSpan(drop));
            n--;
            at = ~row.AsSpan(0, n).BinarySearch(creator);
        }

        row.AsSpan(at, n - at).CopyTo(row.AsSpan(at + 1));
        row[at] = creator;
        _count[user] = n + 1;
        RowEdge(creator, 1);
    }

    /// <summary>Removes a follow, if there is one.</summary>
    public void Unfollow(int user, int creator)
    {
        var bit = Circles.BitOf(user, creator);
        if (bit >= 0)
        {
            _followers[creator] -= Circles.Set(bit, false) ? 1 : 0;
            return;
        }

        var row = _rows[user];
        var n = _count[user];
        var at = row.AsSpan(0, n).BinarySearch(creator);
        if (at >= 0)
        {
            row.AsSpan(at + 1, n - at - 1).CopyTo(row.AsSpan(at));
            _count[user] = n - 1;
            RowEdge(creator, -1);
        }
    }

    public void Uploaded(int creator, int video)
    {
        var row = _recent.AsSpan(creator * RecentUploads, RecentUploads);
        row[..^1].CopyTo(row[1..]);
        row[0] = video;
        Circles.Uploaded(creator, video);
    }

    /// <summary>Forgets every follow (the "untrained" platform holds no account graph); rows keep their size.</summary>
    public void ClearLearned()
    {
        Array.Clear(_count);
        Array.Clear(_followers);
        _personalInRows = 0;
        Circles.ClearLearned();
    }

    /// <summary>Counts a row edge to <paramref name="creator"/> in (+1) or out (−1).</summary>
    private void RowEdge(int creator, int delta)
    {
        _followers[creator] += delta;
        _personalInRows += Circles.IsAccount(creator) ? delta : 0;
    }

    private void Allocate(int from, int to)
    {
        for (var u = from; u < to; u++)
        {
            _rows[u] = new int[Slack];
        }
    }
}
