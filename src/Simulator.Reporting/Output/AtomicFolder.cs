namespace Simulator.Reporting.Output;

/// <summary>
/// Writes a results folder whole or not at all: the content goes to a hidden temporary folder
/// that is renamed into place at the end, replacing any older folder of that name; if writing
/// throws, the temporary folder is removed and the old results stay as they were.
/// </summary>
public static class AtomicFolder
{
    /// <summary>Runs <paramref name="write"/> on a fresh temporary folder, then moves it to <c>root/name</c>.</summary>
    public static string Write(string root, string name, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(write);
        Directory.CreateDirectory(root);
        var final = Path.Combine(root, name);
        var temp = Path.Combine(root, $".tmp-{name}-{Environment.ProcessId}");
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }

        Directory.CreateDirectory(temp);
        try
        {
            write(temp);
            Replace(temp, final);
        }
        catch
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }

            throw;
        }

        return final;
    }

    private static void Replace(string temp, string final)
    {
        string? old = null;
        if (Directory.Exists(final))
        {
            old = final + $".old-{Environment.ProcessId}";
            Directory.Move(final, old);
        }

        Directory.Move(temp, final);
        if (old is not null)
        {
            Directory.Delete(old, recursive: true);
        }
    }
}
