using System.Reflection;

namespace Recommender.Ranking;

/// <summary>
/// Turns off the two forced, blocking full garbage collections (and a third inside
/// <c>GC.GetTotalMemory(true)</c>) that every ML.NET FastTree fit runs before its first tree
/// (FastTree.cs, <c>Initialize</c>: a work-around for a .NET Framework 4.6 bug; no option exposes it,
/// dotnet/machinelearning#4135). In a simulator a fit runs inside a process that holds the whole
/// world, so each forced collection walks that heap and stops every thread, serving included: with
/// eight fits a day it was most of a small world's retraining. Collections still happen when the
/// runtime wants them; the models are unchanged (collections move memory, never values).
/// </summary>
internal static class FastTreeCollections
{
    /// <summary>
    /// Returns <paramref name="trainer"/> with its forced collections off; false in <paramref name="found"/>
    /// when the ML.NET in use no longer has the switch (a test pins it, so an upgrade that renames it is noticed).
    /// </summary>
    public static T WithoutForcedCollections<T>(T trainer, out bool found)
        where T : class
    {
        var field = Find(trainer.GetType());
        field?.SetValue(trainer, false);
        found = field is not null;
        return trainer;
    }

    /// <inheritdoc cref="WithoutForcedCollections{T}(T, out bool)"/>
    public static T WithoutForcedCollections<T>(T trainer)
        where T : class => WithoutForcedCollections(trainer, out _);

    // The field lives on a generic base (one closed type per trainer), so it is looked up per trainer type.
    private static FieldInfo? Find(Type trainer)
    {
        for (var type = trainer; type is not null; type = type.BaseType)
        {
            var field = type.GetField("AllowGC", BindingFlags.Instance | BindingFlags.NonPublic);
            if (field is not null && field.FieldType == typeof(bool))
            {
                return field;
            }
        }

        return null;
    }
}
