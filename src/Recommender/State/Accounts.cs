using Recommender.Abstractions;

namespace Recommender.State;

/// <summary>Account settings by dense user id.</summary>
internal sealed class Accounts
{
    private byte[] _region = new byte[16];
    private byte[] _device = new byte[16];
    private bool[] _teen = new bool[16];

    public int Count { get; private set; }

    public int Region(int user) => _region[user];

    public DeviceKind Device(int user) => (DeviceKind)_device[user];

    public bool IsTeen(int user) => _teen[user];

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
        }

        _region[id] = (byte)region;
        _device[id] = (byte)account.Device;
        _teen[id] = account.IsTeenAccount;
        Count = Math.Max(Count, id + 1);
    }
}
