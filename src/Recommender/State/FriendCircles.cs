namespace Recommender.State;

/// <summary>
/// Follows of small personal accounts inside friend circles: one bit per (member, account of the
/// member's circle), and each circle's latest uploads by its accounts.
/// </summary>
/// <remarks>
/// Pew 2024: 38 % of the accounts a user follows are small, mostly personal accounts that rarely
/// post. Held as sorted rows like creator follows they would cost 4 B per edge (≈ 170 edges per user)
/// and a look at each followed account's uploads on every Following request. Friends cluster, so the
/// platform's graph is held as circles: a follow of an account of the member's own circle is a bit
/// (a few hundred accounts per circle → tens of bytes per user), and because personal accounts post
/// so rarely (a circle of a thousand users posts a video every few days), a member's Following
/// inventory of friends is the circle's last <see cref="RecentUploads"/> uploads filtered by the bits
/// (fan-out on read over one short list). Follows of accounts outside the member's circle are rows.
/// </remarks>
internal sealed class FriendCircles
{
    /// <summary>Latest uploads remembered per circle (at a few a week, over a month of them).</summary>
    public const int RecentUploads = 16;

    private int[] _circleOf = [];
    private int[] _accountCircle = [];
    private int[] _accountSlot = [];
    private int[][] _accounts = [];
    private ulong[] _bits = [];
    private int[] _recent = [];
    private int[] _recentSlot = [];
    private int _words;

    /// <summary>Follow edges held as bits.</summary>
    public long Edges { get; private set; }

    public int Circles => _accounts.Length;

    /// <summary>
    /// Defines the circles: <paramref name="circleOf"/> gives each user's circle (−1: none) and
    /// <paramref name="accounts"/> each circle's personal accounts (creator ids); replaces any before.
    /// </summary>
    public void Define(ReadOnlySpan<int> circleOf, int[][] accounts, int creatorCapacity)
    {
        _circleOf = circleOf.ToArray();
        _accounts = accounts;
        var most = 0;
        foreach (var a in accounts)
        {
            most = Math.Max(most, a.Length);
        }

        _words = (most + 63) / 64;
        _bits = new ulong[(long)_circleOf.Length * _words];
        _recent = new int[accounts.Length * RecentUploads];
        _recent.AsSpan().Fill(-1);
        _recentSlot = new int[_recent.Length];
        _accountCircle = new int[creatorCapacity];
        _accountSlot = new int[creatorCapacity];
        _accountCircle.AsSpan().Fill(-1);
        for (var c = 0; c < accounts.Length; c++)
        {
            for (var s = 0; s < accounts[c].Length; s++)
            {
                _accountCircle[accounts[c][s]] = c;
                _accountSlot[accounts[c][s]] = s;
            }
        }

        Edges = 0;
    }

    /// <summary>Bytes held (bits, indexes and the circles' upload lists).</summary>
    public long Bytes => (_bits.LongLength * 8) + (_circleOf.LongLength * 4) + (_accountCircle.LongLength * 8) + (_recent.LongLength * 4);

    /// <summary>The bit of a follow of <paramref name="creator"/> by <paramref name="user"/>, or −1 when the account is not of the user's circle.</summary>
    public long BitOf(int user, int creator)
    {
        if ((uint)user >= (uint)_circleOf.Length || (uint)creator >= (uint)_accountCircle.Length)
        {
            return -1;
        }

        var circle = _circleOf[user];
        return circle < 0 || _accountCircle[creator] != circle ? -1 : ((long)user * _words * 64) + _accountSlot[creator];
    }

    /// <summary>Whether <paramref name="creator"/> is a personal account of some circle.</summary>
    public bool IsAccount(int creator) => (uint)creator < (uint)_accountCircle.Length && _accountCircle[creator] >= 0;

    public bool Has(long bit) => (_bits[bit >> 6] & (1UL << (int)(bit & 63))) != 0;

    /// <summary>Sets or clears a follow bit; returns whether it changed.</summary>
    public bool Set(long bit, bool on)
    {
        ref var word = ref _bits[bit >> 6];
        var mask = 1UL << (int)(bit & 63);
        if (((word & mask) != 0) == on)
        {
            return false;
        }

        word ^= mask;
        Edges += on ? 1 : -1;
        return true;
    }

    /// <summary>Whether <paramref name="user"/> follows anyone of their circle.</summary>
    public bool FollowsAny(int user)
    {
        if ((uint)user >= (uint)_circleOf.Length || _words == 0)
        {
            return false;
        }

        foreach (var w in _bits.AsSpan((int)((long)user * _words), _words))
        {
            if (w != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Calls <paramref name="each"/> for every account of their circle <paramref name="user"/> follows (seeding and clearing only).</summary>
    public void ForEachFollowed(int user, Action<int> each)
    {
        var circle = (uint)user < (uint)_circleOf.Length ? _circleOf[user] : -1;
        if (circle < 0)
        {
            return;
        }

        var accounts = _accounts[circle];
        for (var s = 0; s < accounts.Length; s++)
        {
            if (Has(((long)user * _words * 64) + s))
            {
                each(accounts[s]);
            }
        }
    }

    /// <summary>Records an upload of <paramref name="creator"/> in its circle's list, if it is a circle's account.</summary>
    public void Uploaded(int creator, int video)
    {
        if ((uint)creator >= (uint)_accountCircle.Length || _accountCircle[creator] < 0)
        {
            return;
        }

        var at = _accountCircle[creator] * RecentUploads;
        var row = _recent.AsSpan(at, RecentUploads);
        row[..^1].CopyTo(row[1..]);
        row[0] = video;
        var slots = _recentSlot.AsSpan(at, RecentUploads);
        slots[..^1].CopyTo(slots[1..]);
        slots[0] = _accountSlot[creator];
    }

    /// <summary>
    /// The latest uploads of <paramref name="user"/>'s circle, newest first (−1: none), and the slot of
    /// each one's account in the circle; empty without a circle.
    /// </summary>
    public ReadOnlySpan<int> Recent(int user, out ReadOnlySpan<int> slots)
    {
        var circle = (uint)user < (uint)_circleOf.Length ? _circleOf[user] : -1;
        slots = circle < 0 ? [] : _recentSlot.AsSpan(circle * RecentUploads, RecentUploads);
        return circle < 0 ? [] : _recent.AsSpan(circle * RecentUploads, RecentUploads);
    }

    /// <summary>Whether <paramref name="user"/> follows the account in <paramref name="slot"/> of their circle.</summary>
    public bool HasSlot(int user, int slot) => Has(((long)user * _words * 64) + slot);

    /// <summary>Forgets every circle follow; the circles stay.</summary>
    public void ClearLearned()
    {
        Array.Clear(_bits);
        Edges = 0;
    }
}
