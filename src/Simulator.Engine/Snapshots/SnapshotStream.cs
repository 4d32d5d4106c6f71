using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Simulator.Engine.Snapshots;

/// <summary>
/// Little-endian primitives over a stream, hashing every byte that passes (XxHash64), so that the
/// file's checksum covers exactly what was written or read.
/// </summary>
internal sealed class SnapshotStream(Stream inner)
{
    private readonly XxHash64 _hash = new();
    private readonly byte[] _scratch = new byte[8];

    public long Position { get; private set; }

    public ulong Checksum => _hash.GetCurrentHashAsUInt64();

    public void Write(ReadOnlySpan<byte> bytes)
    {
        _hash.Append(bytes);
        inner.Write(bytes);
        Position += bytes.Length;
    }

    public void Read(Span<byte> bytes)
    {
        var read = inner.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        if (read < bytes.Length)
        {
            throw new SnapshotException($"the file ends early (at byte {Position + read:N0}); it was cut short");
        }

        _hash.Append(bytes);
        Position += bytes.Length;
    }

    public void WriteByte(byte value) => Write([value]);

    public byte ReadByte()
    {
        Read(_scratch.AsSpan(0, 1));
        return _scratch[0];
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_scratch, value);
        Write(_scratch.AsSpan(0, 4));
    }

    public int ReadInt32()
    {
        Read(_scratch.AsSpan(0, 4));
        return BinaryPrimitives.ReadInt32LittleEndian(_scratch);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_scratch, value);
        Write(_scratch.AsSpan(0, 8));
    }

    public long ReadInt64()
    {
        Read(_scratch.AsSpan(0, 8));
        return BinaryPrimitives.ReadInt64LittleEndian(_scratch);
    }

    public void WriteString(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteInt32(bytes.Length);
        Write(bytes);
    }

    /// <summary>Reads a string of at most <paramref name="maxBytes"/> UTF-8 bytes (a corrupt length is caught here, not by an allocation).</summary>
    public string ReadString(int maxBytes = 1 << 20)
    {
        var length = ReadInt32();
        if (length < 0 || length > maxBytes)
        {
            throw new SnapshotException($"a text field at byte {Position:N0} claims {length:N0} bytes; the file is corrupt");
        }

        var bytes = new byte[length];
        Read(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
