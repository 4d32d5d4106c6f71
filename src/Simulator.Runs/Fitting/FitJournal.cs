using System.Text.Json;
using System.Text.Json.Nodes;

namespace Simulator.Runs.Fitting;

/// <summary>
/// An append-only record of a fit's evaluations (JSON lines), so that an interrupted fit resumes
/// where it stopped: the fit is a deterministic function of its settings and of what it has
/// seen, so replaying the recorded metrics reproduces every later proposal exactly. The first
/// line is a key naming the settings; a journal with another key is started afresh.
/// </summary>
public sealed class FitJournal
{
    private readonly string _path;
    private readonly List<(double[] Unit, Dictionary<string, double> Metrics)> _entries = [];

    private FitJournal(string path) => _path = path;

    /// <summary>Evaluations recorded so far (replayed on resume).</summary>
    public int Count => _entries.Count;

    /// <summary>Opens the journal at <paramref name="path"/> for <paramref name="key"/>; a journal for another key is discarded.</summary>
    public static FitJournal Open(string path, string key)
    {
        ArgumentNullException.ThrowIfNull(path);
        var journal = new FitJournal(path);
        if (File.Exists(path))
        {
            var lines = File.ReadAllLines(path);
            if (lines.Length > 0 && lines[0] == Header(key))
            {
                foreach (var line in lines.Skip(1))
                {
                    if (!journal.TryRead(line))
                    {
                        break;
                    }
                }

                journal.Rewrite(key);
                return journal;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        journal.Rewrite(key);
        return journal;
    }

    /// <summary>The recorded metrics of evaluation <paramref name="index"/> if it was made at exactly this point.</summary>
    public Dictionary<string, double>? Recorded(int index, double[] unit) =>
        index < _entries.Count && _entries[index].Unit.AsSpan().SequenceEqual(unit) ? _entries[index].Metrics : null;

    /// <summary>Records evaluation <paramref name="index"/>; a later recorded one that no longer matches is dropped.</summary>
    public void Append(int index, double[] unit, Dictionary<string, double> metrics)
    {
        if (index < _entries.Count)
        {
            return;
        }

        _entries.Add((unit, metrics));
        File.AppendAllText(_path, Line(unit, metrics) + "\n");
    }

    /// <summary>Drops recorded evaluations from <paramref name="index"/> on (the fit took another path).</summary>
    public void Truncate(int index, string key)
    {
        if (index < _entries.Count)
        {
            _entries.RemoveRange(index, _entries.Count - index);
            Rewrite(key);
        }
    }

    /// <summary>Removes the journal once the fit's outputs are written.</summary>
    public void Delete() => File.Delete(_path);

    private static string Header(string key) => new JsonObject { ["fit"] = key }.ToJsonString();

    private static string Line(double[] unit, Dictionary<string, double> metrics)
    {
        var m = new JsonObject();
        foreach (var (k, v) in metrics.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            m[k] = double.IsFinite(v) ? v : null;
        }

        return new JsonObject { ["unit"] = new JsonArray([.. unit.Select(u => (JsonNode?)u)]), ["metrics"] = m }.ToJsonString();
    }

    private bool TryRead(string line)
    {
        try
        {
            var node = JsonNode.Parse(line);
            var unit = node?["unit"]?.AsArray().Select(x => x!.GetValue<double>()).ToArray();
            var metrics = node?["metrics"]?.AsObject().ToDictionary(x => x.Key, x => x.Value?.GetValue<double>() ?? double.NaN, StringComparer.Ordinal);
            if (unit is null || metrics is null)
            {
                return false;
            }

            _entries.Add((unit, metrics));
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return false; // a line cut short by a kill: everything before it stands
        }
    }

    // Written to a temporary file and renamed: a kill mid-write leaves the previous journal.
    private void Rewrite(string key)
    {
        var temp = _path + ".tmp";
        File.WriteAllLines(temp, [Header(key), .. _entries.Select(e => Line(e.Unit, e.Metrics))]);
        File.Move(temp, _path, overwrite: true);
    }
}
