using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Simulator.Engine.Snapshots;

/// <summary>
/// Restores a state image into a freshly built graph of the same shape: walking both together, it
/// reuses the fresh object at each position where the type (and an array's lengths) match, so
/// external objects — threads, delegates, the run's progress display — stay those of the new
/// process, and creates the objects the run made after construction.
/// </summary>
internal sealed class StateReader(SnapshotStream stream, long payloadBytes)
{
    private const int Slice = 1 << 30;

    private readonly List<object> _objects = [];
    private readonly HashSet<object> _claimed = new(ReferenceEqualityComparer.Instance);
    private readonly List<Type> _types = [];
    private readonly List<string> _path = [];

    public void ReadRoot(object root)
    {
        var restored = ReadReference(root);
        if (!ReferenceEquals(restored, root))
        {
            throw new SnapshotException($"the snapshot holds a {restored?.GetType().Name ?? "null"}, not a {root.GetType().Name}");
        }
    }

    private object? ReadReference(object? fresh)
    {
        var tag = (StateTag)stream.ReadByte();
        switch (tag)
        {
            case StateTag.Null:
                return null;
            case StateTag.Text:
                return stream.ReadString(int.MaxValue);
            case StateTag.Back:
                var id = stream.ReadInt32();
                return id >= 0 && id < _objects.Count ? _objects[id] : throw Corrupt($"object #{id:N0} is referenced before it is written");
            case StateTag.External:
                var external = ReadType();
                return fresh is not null && fresh.GetType() == external
                    ? fresh
                    : throw new SnapshotException($"the graph being restored has no {external.Name} at {Where()}; it was built differently from the one saved");
            case StateTag.New:
                return ReadObject(ReadType(), fresh);
            default:
                throw Corrupt($"unknown tag {(byte)tag}");
        }
    }

    private object ReadObject(Type type, object? fresh)
    {
        var layout = StateLayout.Of(type);
        if (layout.IsExternal)
        {
            throw Corrupt($"{type.Name} is written as state");
        }

        if (type.IsArray)
        {
            return ReadArray(type, layout.Element!, fresh);
        }

        if (layout.IsUnmanaged)
        {
            var box = layout.ReadBox!(stream)!;
            _objects.Add(box);
            return box;
        }

        var reused = fresh is not null && fresh.GetType() == type && _claimed.Add(fresh);
        var target = reused ? fresh! : RuntimeHelpers.GetUninitializedObject(type);
        _claimed.Add(target);
        _objects.Add(target);
        ReadFields(target, layout, reused);
        return target;
    }

    /// <param name="owner">The object being filled.</param>
    /// <param name="layout">Its layout.</param>
    /// <param name="built">Whether <paramref name="owner"/> is an object the graph being restored built
    /// itself: its readonly fields then keep what its constructor gave them (see <see cref="KeepsItsOwn"/>).</param>
    private void ReadFields(object owner, StateLayout layout, bool built = false)
    {
        foreach (var field in layout.Fields)
        {
            _path.Add(field.Name);
            var current = field.GetValue(owner);
            var value = ReadValue(current, field.FieldType);
            if (built && field.IsInitOnly ? !KeepsItsOwn(field, current, value) : field.FieldType.IsValueType || !ReferenceEquals(value, current))
            {
                field.SetValue(owner, value);
            }

            _path.RemoveAt(_path.Count - 1);
        }
    }

    // A readonly field of an object the graph being restored built itself was set by its constructor
    // from what the graph was built from, and never again. A plain value (a weight, an interval, a
    // size) stays as the constructor set it: the same on a resume, the variant's on a fork. A
    // reference takes the saved object's identity when it is of the same kind; where the saved one
    // is of another kind or absent, the built one stays — a fork whose configuration chose another
    // implementation keeps it, and the saved one is read and dropped.
    private static bool KeepsItsOwn(System.Reflection.FieldInfo field, object? current, object? saved) =>
        field.FieldType.IsValueType
            ? StateLayout.Of(field.FieldType).IsUnmanaged
            : current is null || saved is null || current.GetType() != saved.GetType() || ReferenceEquals(current, saved);

    private object? ReadValue(object? current, Type declared)
    {
        if (!declared.IsValueType)
        {
            return ReadReference(current);
        }

        var layout = StateLayout.Of(declared);
        if (layout.IsUnmanaged)
        {
            return layout.ReadBox!(stream);
        }

        // A boxed copy of the struct, filled field by field, goes back into its owner.
        var box = current ?? RuntimeHelpers.GetUninitializedObject(declared);
        ReadFields(box, layout);
        return box;
    }

    private Array ReadArray(Type type, StateLayout element, object? fresh)
    {
        var rank = stream.ReadInt32();
        if (rank != type.GetArrayRank())
        {
            throw Corrupt($"an array of rank {rank} where {type.Name} has rank {type.GetArrayRank()}");
        }

        var lengths = new int[rank];
        long count = 1;
        for (var d = 0; d < rank; d++)
        {
            lengths[d] = stream.ReadInt32();
            count *= lengths[d] >= 0 ? lengths[d] : throw Corrupt($"an array length of {lengths[d]}");
        }

        // Checked against what is left of the file before anything is allocated.
        if (count * Math.Max(1, element.IsUnmanaged ? element.Size : 1) > payloadBytes - stream.Position)
        {
            throw Corrupt($"an array of {count:N0} {element.Type.Name} that the file is too short to hold");
        }

        var array = fresh is Array candidate && candidate.GetType() == type && SameLengths(candidate, lengths) && _claimed.Add(candidate)
            ? candidate
            : Array.CreateInstance(element.Type, lengths);
        _claimed.Add(array);
        _objects.Add(array);
        if (element.IsUnmanaged)
        {
            ReadRaw(array, element.Size);
        }
        else if (array is object?[] references)
        {
            for (var i = 0; i < references.Length; i++)
            {
                _path.Add($"[{i}]");
                references[i] = ReadReference(references[i]);
                _path.RemoveAt(_path.Count - 1);
            }
        }
        else
        {
            for (var i = 0; i < array.Length; i++)
            {
                var box = array.GetValue(i)!;
                ReadFields(box, element);
                array.SetValue(box, i);
            }
        }

        return array;
    }

    private void ReadRaw(Array array, int size)
    {
        var total = array.LongLength * size;
        ref var start = ref MemoryMarshal.GetArrayDataReference(array);
        for (long offset = 0; offset < total; offset += Slice)
        {
            var length = (int)Math.Min(Slice, total - offset);
            stream.Read(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref start, (nint)offset), length));
        }
    }

    private static bool SameLengths(Array array, int[] lengths)
    {
        for (var d = 0; d < lengths.Length; d++)
        {
            if (array.GetLength(d) != lengths[d])
            {
                return false;
            }
        }

        return true;
    }

    private Type ReadType()
    {
        var index = stream.ReadInt32();
        if (index >= 0)
        {
            return index < _types.Count ? _types[index] : throw Corrupt($"type #{index} is used before it is named");
        }

        var name = stream.ReadString();
        var type = Type.GetType(name, throwOnError: false) ?? throw Corrupt($"type '{name}' does not exist in this build");
        _types.Add(type);
        return type;
    }

    private string Where() => _path.Count == 0 ? "the root" : string.Join('.', _path);

    private SnapshotException Corrupt(string what) => new($"the snapshot is corrupt at byte {stream.Position:N0} ({Where()}): {what}");
}
