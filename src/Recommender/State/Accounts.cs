using Recommender.Abstractions;

namespace Recommender.State;

/// <summary>Account settings by dense user id.</summary>
internal sealed class Accounts
{
    private byte[] _region = new byte[16];
    private byte[] _device = new byte[16];
    private bool[] _teen = new bool[16];
    private bool[] _nonPersonalized = new bool[16];

    // Languages by index into _languages (a handful per world: one byte per user).
    private byte[] _language = new byte[16];
    private readonly List<string> _languages = [];

    public int Count { get; private set; }

    public int Region(int user) => _region[user];

    public DeviceKind Device(int user) => (DeviceKind)_device[user];

    public bool IsTeen(int user) => _teen[user];

    public string Language(int user) => _languages.Count == 0 ? "" : _languages[_language[user]];

    /// <summary>Whether the user switched personalisation off.</summary>
    public bool NonPersonalized(int user) => _nonPersonalized[user];

    /// <summary>Accounts with personalisation switched off.</summary>
    public int NonPersonalizedCount { get; private set; }

    public void Set(in UserAccount account, int region)
    {
        var id = account.UserId;
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (id >= _region.Length)
        {
            var n = Math.Max(id + 1, _region.Length * 2);
            Array.Resize(ref _region, n);
            Array.Resize(ref _device, n);
            Array.Resize(ref _teen, n);
            Array.Resize(ref _nonPersonalized, n);
            Array.Resize(ref _language, n);
        }

        var language = _languages.IndexOf(account.Language ?? "");
        if (language < 0 && _languages.Count < 256)
        {
            _languages.Add(account.Language ?? "");
            language = _languages.Count - 1;
        }

        _language[id] = (byte)Math.Max(0, language);

        _region[id] = (byte)region;
        _device[id] = (byte)account.Device;
        _teen[id] = account.IsTeenAccount;
        NonPersonalizedCount += (account.NonPersonalizedFeed ? 1 : 0) - (_nonPersonalized[id] ? 1 : 0);
        _nonPersonalized[id] = account.NonPersonalizedFeed;
        Count = Math.Max(Count, id + 1);
    }
}
