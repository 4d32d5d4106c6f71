using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Simulator.Engine.Snapshots;

/// <summary>
/// Writes an object graph as a state image: each object once (later references by id), arrays of
/// unmanaged values as raw bytes, everything else field by field in a fixed order, so the same
/// state always gives the same bytes.
/// </summary>
internal sealed class StateWriter(SnapshotStream stream, Dictionary<string, StatePart>? sizes = null)
{
    // Raw array bytes go out in slices: a span holds at most int.MaxValue bytes.
    private const int Slice = 1 << 30;

    private readonly Dictionary<object, int> _ids = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Type, int> _types = [];
    private readonly List<string> _path = [];

    public void WriteRoot(object root) => WriteReference(root);

    private void WriteReference(object? value)
    {
        if (value is null)
        {
            stream.WriteByte((byte)StateTag.Null);
            return;
        }

        if (value is string text)
        {
            stream.WriteByte((byte)StateTag.Text);
            stream.WriteString(text);
            return;
        }

        var type = value.GetType();
        var layout = StateLayout.Of(type);
        if (layout.IsExternal)
        {
            stream.WriteByte((byte)StateTag.External);
            WriteType(type);
            return;
        }

        if (_ids.TryGetValue(value, out var id))
        {
            stream.WriteByte((byte)StateTag.Back);
            stream.WriteInt32(id);
            return;
        }

        if (layout.Unsupported is { } reason)
        {
            throw new SnapshotException($"cannot snapshot {Where()}: {reason}");
        }

        _ids.Add(value, _ids.Count);
        stream.WriteByte((byte)StateTag.New);
        WriteType(type);
        if (value is Array array)
        {
            WriteArray(array, layout.Element!);
        }
        else if (layout.IsUnmanaged)
        {
            layout.WriteBox!(stream, value);
        }
        else
        {
            WriteFields(value, layout);
        }
    }

    private void WriteFields(object owner, StateLayout layout)
    {
        foreach (var field in layout.Fields)
        {
            _path.Add(field.Name);
            WriteValue(field.GetValue(owner), field.FieldType);
            _path.RemoveAt(_path.Count - 1);
        }
    }

    private void WriteValue(object? value, Type declared)
    {
        if (!declared.IsValueType)
        {
            WriteReference(value);
            return;
        }

        var layout = StateLayout.Of(declared);
        if (layout.IsUnmanaged)
        {
            layout.WriteBox!(stream, value);
        }
        else
        {
            WriteFields(value!, layout);
        }
    }

    private void WriteArray(Array array, StateLayout element)
    {
        stream.WriteInt32(array.Rank);
        for (var d = 0; d < array.Rank; d++)
        {
            stream.WriteInt32(array.GetLength(d));
        }

        if (element.IsUnmanaged)
        {
            WriteRaw(array, element.Size);
            return;
        }

        if (array.Rank != 1)
        {
            throw new SnapshotException($"cannot snapshot {Where()}: a multi-dimensional array of {element.Type.Name}");
        }

        if (array is object?[] references)
        {
            for (var i = 0; i < references.Length; i++)
            {
                WriteReference(references[i]);
            }

            return;
        }

        for (var i = 0; i < array.Length; i++)
        {
            WriteFields(array.GetValue(i)!, element);
        }
    }

    private void WriteRaw(Array array, int size)
    {
        var total = array.LongLength * size;
        if (sizes is not null)
        {
            var key = string.Join('.', _path.Select(Readable));
            var part = sizes.GetValueOrDefault(key) ?? new StatePart(key, 0, 0);
            sizes[key] = part with { Bytes = part.Bytes + total, LargestArray = Math.Max(part.LargestArray, array.LongLength) };
        }

        ref var start = ref MemoryMarshal.GetArrayDataReference(array);
        for (long offset = 0; offset < total; offset += Slice)
        {
            var length = (int)Math.Min(Slice, total - offset);
            stream.Write(MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref start, (nint)offset), length));
        }
    }

    private void WriteType(Type type)
    {
        if (_types.TryGetValue(type, out var index))
        {
            stream.WriteInt32(index);
            return;
        }

        _types.Add(type, _types.Count);
        stream.WriteInt32(-1);
        stream.WriteString(type.AssemblyQualifiedName!);
    }

    // "<Count>k__BackingField" reads as "Count".
    private static string Readable(string field) =>
        field.StartsWith('<') && field.IndexOf('>', StringComparison.Ordinal) is > 0 and var end ? field[1..end] : field;

    private string Where() => _path.Count == 0 ? "the root" : string.Join('.', _path.Select(Readable));
}
