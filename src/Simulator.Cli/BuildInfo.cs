using System.Reflection;

namespace Simulator.Cli;

/// <summary>Version and source commit for the manifest.</summary>
internal static class BuildInfo
{
    public static string Version =>
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>The commit this binary was built from: the .NET SDK's source-control integration appends it to the informational version when building from a git checkout; null otherwise.</summary>
    public static string? BuiltFrom =>
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+') is [_, var sha, ..] && sha.Length >= 7 ? sha : null;

    /// <summary>The commit checked out in the git work tree containing <paramref name="start"/>, read from .git without running git.</summary>
    public static string? Commit(string start)
    {
        try
        {
            var dir = new DirectoryInfo(Path.GetFullPath(start));
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                dir = dir.Parent;
            }

            if (dir is null)
            {
                return null;
            }

            var git = Path.Combine(dir.FullName, ".git");
            var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return head;
            }

            var name = head[5..];
            var refFile = Path.Combine(git, name);
            if (File.Exists(refFile))
            {
                return File.ReadAllText(refFile).Trim();
            }

            var packed = Path.Combine(git, "packed-refs");
            if (File.Exists(packed))
            {
                foreach (var line in File.ReadLines(packed))
                {
                    if (line.EndsWith(" " + name, StringComparison.Ordinal))
                    {
                        return line[..line.IndexOf(' ', StringComparison.Ordinal)];
                    }
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
