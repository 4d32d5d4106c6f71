using System.Buffers.Binary;
using System.IO.Hashing;

namespace Simulator.Engine.Snapshots;

/// <summary>
/// A snapshot file: magic, format version, header, the state image of one object graph, and an
/// XxHash64 of everything before it. Written to a temporary file in the same folder, flushed to
/// disk and renamed over the old one, so a process killed mid-write leaves the previous snapshot whole.
/// </summary>
public static class SnapshotFile
{
    /// <summary>Raised whenever the layout of the file (not of the state) changes.</summary>
    public const int FormatVersion = 1;

    private const int ChecksumBytes = 8;

    private static ReadOnlySpan<byte> Magic => "SIMSNAP\n"u8;

    /// <summary>Writes <paramref name="root"/>'s graph to <paramref name="path"/> atomically; returns the file's size in bytes.</summary>
    public static long Write(string path, SnapshotHeader header, object root)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            long size;
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                Write(file, header, root);
                file.Flush(flushToDisk: true);
                size = file.Length;
            }

            File.Move(temp, full, overwrite: true);
            return size;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="root"/>'s graph to <paramref name="output"/> (a fork kept in memory).</summary>
    public static void Write(Stream output, SnapshotHeader header, object root)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(root);
        var stream = new SnapshotStream(output);
        stream.Write(Magic);
        stream.WriteInt32(FormatVersion);
        WriteHeader(stream, header);
        new StateWriter(stream).WriteRoot(root);
        Span<byte> sum = stackalloc byte[ChecksumBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(sum, stream.Checksum);
        output.Write(sum);
    }

    /// <summary>The raw array state a snapshot of <paramref name="root"/> holds, by field path, largest first: where its size (and the memory) goes.</summary>
    public static IReadOnlyList<StatePart> MeasureState(object root)
    {
        var sizes = new Dictionary<string, StatePart>(StringComparer.Ordinal);
        new StateWriter(new SnapshotStream(Stream.Null), sizes).WriteRoot(root);
        return [.. sizes.Values.OrderByDescending(p => p.Bytes).ThenBy(p => p.Path, StringComparer.Ordinal)];
    }

    /// <summary>Reads the header only (cheap); checks the magic and the format version.</summary>
    public static SnapshotHeader ReadHeader(string path)
    {
        using var file = OpenRead(path);
        return ReadStart(new SnapshotStream(file), path);
    }

    /// <summary>
    /// Restores the graph saved in <paramref name="path"/> into <paramref name="root"/>, a graph
    /// freshly built the same way. The whole file's checksum is verified first, then
    /// <paramref name="accept"/> sees the header and returns why it is refused, or null.
    /// </summary>
    public static SnapshotHeader Restore(string path, object root, Func<SnapshotHeader, string?> accept)
    {
        using var file = OpenRead(path);
        return Restore(file, path, root, accept);
    }

    /// <summary>As <see cref="Restore(string, object, Func{SnapshotHeader, string?})"/>, from a seekable stream named <paramref name="name"/> in messages.</summary>
    public static SnapshotHeader Restore(Stream input, string name, object root, Func<SnapshotHeader, string?> accept)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(accept);
        Verify(input, name);
        input.Position = 0;
        var stream = new SnapshotStream(input);
        var header = ReadStart(stream, name);
        if (accept(header) is { } refusal)
        {
            throw new SnapshotException($"{name}: {refusal}");
        }

        var payloadEnd = input.Length - ChecksumBytes;
        try
        {
            new StateReader(stream, payloadEnd).ReadRoot(root);
        }
        catch (SnapshotException e)
        {
            throw new SnapshotException($"{name}: {e.Message}", e);
        }

        return stream.Position == payloadEnd ? header : throw new SnapshotException($"{name}: {payloadEnd - stream.Position:N0} bytes follow the state; the file is corrupt");
    }

    /// <summary>Checks the checksum over the whole file without interpreting it.</summary>
    public static void Verify(string path)
    {
        using var file = OpenRead(path);
        Verify(file, path);
    }

    private static void Verify(Stream file, string path)
    {
        if (file.Length < Magic.Length + 4 + ChecksumBytes)
        {
            throw new SnapshotException($"{path}: {file.Length:N0} bytes is too short for a snapshot");
        }

        var hash = new XxHash64();
        var buffer = new byte[1 << 20];
        var left = file.Length - ChecksumBytes;
        while (left > 0)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new SnapshotException($"{path}: the file ends early; it was cut short");
            }

            hash.Append(buffer.AsSpan(0, read));
            left -= read;
        }

        Span<byte> stored = stackalloc byte[ChecksumBytes];
        file.ReadExactly(stored);
        if (BinaryPrimitives.ReadUInt64LittleEndian(stored) != hash.GetCurrentHashAsUInt64())
        {
            throw new SnapshotException($"{path}: the checksum does not match; the file is corrupt or was cut short");
        }
    }

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);

    private static SnapshotHeader ReadStart(SnapshotStream stream, string path)
    {
        Span<byte> magic = stackalloc byte[Magic.Length];
        stream.Read(magic);
        if (!magic.SequenceEqual(Magic))
        {
            throw new SnapshotException($"{path}: not a simulator snapshot");
        }

        var version = stream.ReadInt32();
        if (version != FormatVersion)
        {
            throw new SnapshotException($"{path}: snapshot format version {version}; this build reads version {FormatVersion}");
        }

        return new SnapshotHeader
        {
            DefinitionHash = stream.ReadString(),
            Seed = (ulong)stream.ReadInt64(),
            Replication = stream.ReadInt32(),
            Tick = stream.ReadInt64(),
            Build = stream.ReadString(),
            Label = stream.ReadString(),
            Source = stream.ReadString(16 << 20),
        };
    }

    private static void WriteHeader(SnapshotStream stream, SnapshotHeader header)
    {
        stream.WriteString(header.DefinitionHash);
        stream.WriteInt64((long)header.Seed);
        stream.WriteInt32(header.Replication);
        stream.WriteInt64(header.Tick);
        stream.WriteString(header.Build);
        stream.WriteString(header.Label);
        stream.WriteString(header.Source);
    }
}
