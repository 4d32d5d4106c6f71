using System.Reflection;
using System.Runtime.Loader;

namespace Recommender.Plugins;

/// <summary>
/// A plug-in assembly and its own dependencies in a load context of their own; the contract
/// (this Recommender assembly) and everything the host already loaded come from the host, so
/// <see cref="IFeedPlugin"/> is one type on both sides (learn.microsoft.com: "Create a .NET Core
/// application with plugins").
/// </summary>
internal sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext($"plugin:{Path.GetFileName(pluginPath)}")
{
    private readonly AssemblyDependencyResolver _resolver = new(pluginPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), assemblyName)) || assemblyName.Name == typeof(IFeedPlugin).Assembly.GetName().Name)
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
