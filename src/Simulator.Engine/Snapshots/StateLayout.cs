using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Simulator.Engine.Snapshots;

/// <summary>
/// How the state image writes values of one type: unmanaged values and arrays of them as raw
/// bytes, other types field by field (private fields of base types included, in metadata order),
/// and "external" objects — threads, delegates, reflection, streams, types of assemblies that hold
/// no simulation state — not at all: a restore keeps the object the freshly built graph has there.
/// Fields marked <see cref="NonSerializedAttribute"/> are skipped the same way, and so are fields
/// that hold configuration (types marked <c>[ImmutableObject(true)]</c>, or collections of them) or
/// external objects by their declared type: the graph being restored was built from its own
/// configuration and keeps it (a resumed run's thread count, a fork's variant).
/// </summary>
internal sealed class StateLayout
{
    private static readonly ConcurrentDictionary<Type, StateLayout> Cache = new();

    // Assemblies whose types carry simulation state declare [assembly: AssemblyMetadata("SimulationState", "true")]
    // (Directory.Build.props); of the runtime, only its collections (and primitives) are state.
    private static readonly ConcurrentDictionary<Assembly, bool> StateAssemblies = new();

    private static bool IsStateAssembly(Assembly assembly) => StateAssemblies.GetOrAdd(assembly, a =>
        a.GetName().Name is "System.Private.CoreLib" or "System.Collections"
        || a.GetCustomAttributes<AssemblyMetadataAttribute>().Any(m => m.Key == "SimulationState" && m.Value == "true"));

    private StateLayout(Type type)
    {
        Type = type;
        IsUnmanaged = !(bool)typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.IsReferenceOrContainsReferences))!
            .MakeGenericMethod(type).Invoke(null, null)!;
        IsExternal = !type.IsValueType && !type.IsArray && IsExternalType(type);
        Unsupported = UnsupportedReason(type);
        if (IsUnmanaged && !type.IsArray)
        {
            Size = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
            WriteBox = typeof(StateLayout).GetMethod(nameof(WriteUnmanaged), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type).CreateDelegate<Action<SnapshotStream, object?>>();
            ReadBox = typeof(StateLayout).GetMethod(nameof(ReadUnmanaged), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type).CreateDelegate<Func<SnapshotStream, object?>>();
        }

        if (type.IsArray)
        {
            Element = Of(type.GetElementType()!);
        }
        else if (!IsUnmanaged && !IsExternal && type != typeof(string))
        {
            Fields = InstanceFields(type);
        }
    }

    public Type Type { get; }

    /// <summary>No references anywhere inside: written as its raw bytes.</summary>
    public bool IsUnmanaged { get; }

    /// <summary>Bytes of one unmanaged value.</summary>
    public int Size { get; }

    public bool IsExternal { get; }

    /// <summary>Why values of this type cannot be restored faithfully; null when they can.</summary>
    public string? Unsupported { get; }

    public FieldInfo[] Fields { get; } = [];

    /// <summary>The element layout of an array type.</summary>
    public StateLayout? Element { get; }

    public Action<SnapshotStream, object?>? WriteBox { get; }

    public Func<SnapshotStream, object?>? ReadBox { get; }

    public static StateLayout Of(Type type) => Cache.GetOrAdd(type, t => new StateLayout(t));

    /// <summary>Configuration: immutable, and rebuilt by the constructors of the graph being restored.</summary>
    public static bool IsConfiguration(Type type) =>
        type.GetCustomAttribute<ImmutableObjectAttribute>()?.Immutable == true
        || (type.IsArray && IsConfiguration(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(IsConfiguration))
        || (Nullable.GetUnderlyingType(type) is { } inner && IsConfiguration(inner));

    // A field is skipped when what it can hold is never state, whatever the object in it.
    private static bool IsSkipped(FieldInfo field) =>
        field.IsDefined(typeof(NonSerializedAttribute), inherit: false)
        || IsConfiguration(field.FieldType)
        || (!field.FieldType.IsValueType && !field.FieldType.IsInterface && field.FieldType != typeof(object) && !field.FieldType.IsArray && IsExternalType(field.FieldType));

    private static bool IsExternalType(Type type) =>
        IsConfiguration(type)
        || typeof(Delegate).IsAssignableFrom(type)
        || typeof(MemberInfo).IsAssignableFrom(type)
        || typeof(Stream).IsAssignableFrom(type)
        || (type.Namespace ?? "").StartsWith("System.Threading", StringComparison.Ordinal)
        || !IsStateAssembly(type.Assembly);

    // Hash tables store each key's hash code: only keys whose hash is the same in every process
    // (integers, enums, ordinal strings) can be copied as they are.
    private static string? UnsupportedReason(Type type)
    {
        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        if (definition != typeof(Dictionary<,>) && definition != typeof(HashSet<>))
        {
            return null;
        }

        var key = type.GetGenericArguments()[0];
        return key.IsPrimitive || key.IsEnum || key == typeof(string)
            ? null
            : $"{type.Name} keyed by {key.Name}: its hash codes differ between processes; mark the field [NonSerialized] and rebuild it, or key it by an id";
    }

    private static FieldInfo[] InstanceFields(Type type)
    {
        var fields = new List<FieldInfo>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            var own = t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !IsSkipped(f))
                .OrderBy(f => f.MetadataToken);
            fields.InsertRange(0, own);
        }

        return [.. fields];
    }

    // Unconstrained so that Nullable<T> of an unmanaged T (boxed as T or null) goes the same way.
    private static void WriteUnmanaged<T>(SnapshotStream stream, object? box)
    {
        var value = (T)box!;
        stream.Write(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, byte>(ref value), Unsafe.SizeOf<T>()));
    }

    private static object? ReadUnmanaged<T>(SnapshotStream stream)
    {
        T value = default!;
        stream.Read(MemoryMarshal.CreateSpan(ref Unsafe.As<T, byte>(ref value), Unsafe.SizeOf<T>()));
        return value;
    }
}
