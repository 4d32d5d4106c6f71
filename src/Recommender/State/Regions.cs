namespace Recommender.State;

/// <summary>Country codes seen by the platform, numbered in order of first appearance.</summary>
internal sealed class Regions
{
    /// <summary>At most this many distinct countries (regions are stored in a byte).</summary>
    public const int Max = 255;

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _codes = [];

    public int Count => _codes.Count;

    public string Code(int region) => _codes[region];

    public int IndexOf(string country)
    {
        ArgumentNullException.ThrowIfNull(country);
        if (_index.TryGetValue(country, out var i))
        {
            return i;
        }

        if (_codes.Count == Max)
        {
            throw new InvalidOperationException($"More than {Max} countries registered.");
        }

        i = _codes.Count;
        _index.Add(country, i);
        _codes.Add(country);
        return i;
    }
}
