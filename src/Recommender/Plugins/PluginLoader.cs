using System.Reflection;

namespace Recommender.Plugins;

/// <summary>Loads plug-in feed policies: each assembly once per process, in its own load context; a fresh instance per core.</summary>
public static class PluginLoader
{
    private static readonly Dictionary<string, Assembly> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>Checks that <paramref name="typeName"/> in <paramref name="assemblyPath"/> is a usable plug-in; throws <see cref="PluginException"/> saying why not.</summary>
    public static void Verify(string assemblyPath, string typeName) => _ = TypeOf(assemblyPath, typeName);

    /// <summary>A new instance of the plug-in type.</summary>
    public static IFeedPlugin Create(string assemblyPath, string typeName)
    {
        var type = TypeOf(assemblyPath, typeName);
        try
        {
            return (IFeedPlugin)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException ex)
        {
            throw new PluginException(assemblyPath, $"the constructor of '{typeName}' threw {ex.InnerException?.GetType().Name}: {ex.InnerException?.Message}");
        }
    }

    private static Type TypeOf(string assemblyPath, string typeName)
    {
        var assembly = AssemblyAt(assemblyPath);
        var type = assembly.GetType(typeName, throwOnError: false);
        if (type is null)
        {
            var candidates = SafeTypes(assembly).Where(t => typeof(IFeedPlugin).IsAssignableFrom(t) && !t.IsAbstract).Select(t => t.FullName);
            throw new PluginException(assemblyPath, $"no type '{typeName}'; types implementing {nameof(IFeedPlugin)} in it: [{string.Join(", ", candidates)}].");
        }

        if (!typeof(IFeedPlugin).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new PluginException(assemblyPath, $"'{typeName}' is not a concrete class implementing Recommender.Plugins.{nameof(IFeedPlugin)} (check that the plug-in references the same Recommender assembly and does not ship its own copy).");
        }

        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new PluginException(assemblyPath, $"'{typeName}' needs a public parameterless constructor.");
        }

        return type;
    }

    private static Assembly AssemblyAt(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        lock (Gate)
        {
            if (Loaded.TryGetValue(full, out var known))
            {
                return known;
            }

            if (!File.Exists(full))
            {
                throw new PluginException(path, "file not found; expected the .dll of a project that implements Recommender.Plugins.IFeedPlugin (see samples/).");
            }

            try
            {
                var assembly = new PluginLoadContext(full).LoadFromAssemblyPath(full);
                Loaded[full] = assembly;
                return assembly;
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException)
            {
                throw new PluginException(path, $"not a .NET assembly that can be loaded: {ex.Message}");
            }
        }
    }

    private static IEnumerable<Type> SafeTypes(Assembly a)
    {
        try
        {
            return a.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
