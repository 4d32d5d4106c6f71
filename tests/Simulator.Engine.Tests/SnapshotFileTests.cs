using System.Buffers.Binary;
using System.IO.Hashing;
using Simulator.Engine.Snapshots;

namespace Simulator.Engine.Tests;

public sealed class SnapshotFileTests : IDisposable
{
    private static readonly SnapshotHeader Header = new() { DefinitionHash = "abc", Seed = 42, Replication = 1, Tick = -77, Build = "1.0.0+test", Label = "arm" };

    private readonly string _dir = Directory.CreateTempSubdirectory("sim-snapshot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Should_RestoreEveryKindOfState_When_WrittenAndReadIntoAFreshGraph()
    {
        // Given a graph with raw arrays, collections, structs, shared and cyclic references, and an external delegate
        var saved = State.Fresh();
        saved.Counts[3] = 9;
        saved.Grid[1, 2] = 2.5f;
        saved.Names.Add("x");
        saved.Lists[7] = [1, 2, 3];
        saved.Lists.Remove(0);
        saved.Lists[8] = [4];
        saved.Pair = new Pair { Id = 5, Tags = ["a", "b"] };
        saved.Boxed = 17;
        saved.Maybe = 3;
        saved.Alias = saved.Names;
        saved.Self = saved;
        saved.Transient = 99;
        var path = Path.Combine(_dir, "s.snapshot");
        SnapshotFile.Write(path, Header, saved);

        // When it is restored into a freshly built graph whose delegate belongs to the new process
        var fresh = State.Fresh();
        Func<int> mine = () => 1;
        fresh.Callback = mine;
        var header = SnapshotFile.Restore(path, fresh, _ => null);

        // Then the state is the saved one, the delegate and the [NonSerialized] field are the fresh graph's
        Assert.Equal(Header, header);
        Assert.Equal(saved.Counts, fresh.Counts);
        Assert.Equal(2.5f, fresh.Grid[1, 2]);
        Assert.Equal(["x"], fresh.Names);
        Assert.Equal([8, 7], fresh.Lists.Keys); // 8 took the slot 0 left free, as in the saved table
        Assert.Equal([1, 2, 3], fresh.Lists[7]);
        Assert.Equal(5, fresh.Pair.Id);
        Assert.Equal(["a", "b"], fresh.Pair.Tags);
        Assert.Equal(17, fresh.Boxed);
        Assert.Equal(3, fresh.Maybe);
        Assert.Same(fresh.Names, fresh.Alias);
        Assert.Same(fresh, fresh.Self);
        Assert.Same(mine, fresh.Callback);
        Assert.Equal(0, fresh.Transient);

        // And a key added after the restore lands where it would have in the saved graph (the free slot)
        saved.Lists[9] = [];
        fresh.Lists[9] = [];
        Assert.Equal(saved.Lists.Keys, fresh.Lists.Keys);
    }

    [Fact]
    public void Should_RefuseTheFile_When_AByteIsFlippedOrItIsCutShort()
    {
        // Given a valid snapshot
        var path = Path.Combine(_dir, "s.snapshot");
        SnapshotFile.Write(path, Header, State.Fresh());
        var bytes = File.ReadAllBytes(path);

        // When one byte in the middle is flipped, or the file is cut short
        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, flipped);
        var corrupt = Assert.Throws<SnapshotException>(() => SnapshotFile.Restore(path, State.Fresh(), _ => null));
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);
        var cut = Assert.Throws<SnapshotException>(() => SnapshotFile.Restore(path, State.Fresh(), _ => null));
        File.WriteAllBytes(path, bytes[..10]);
        var stub = Assert.Throws<SnapshotException>(() => SnapshotFile.Restore(path, State.Fresh(), _ => null));

        // Then each is refused with a message naming the file
        Assert.Contains("checksum does not match", corrupt.Message, StringComparison.Ordinal);
        Assert.Contains("checksum does not match", cut.Message, StringComparison.Ordinal);
        Assert.Contains("too short", stub.Message, StringComparison.Ordinal);
        Assert.All(new[] { corrupt, cut, stub }, e => Assert.StartsWith(path, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_RefuseTheFile_When_ItHasAnotherFormatVersionOrTheCallerRefusesItsHeader()
    {
        // Given a snapshot whose format version is rewritten (with a checksum that matches)
        var path = Path.Combine(_dir, "s.snapshot");
        SnapshotFile.Write(path, Header, State.Fresh());
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 99);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8), XxHash64.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8)));
        var other = Path.Combine(_dir, "v99.snapshot");
        File.WriteAllBytes(other, bytes);

        // When each is restored
        var version = Assert.Throws<SnapshotException>(() => SnapshotFile.Restore(other, State.Fresh(), _ => null));
        var refused = Assert.Throws<SnapshotException>(() => SnapshotFile.Restore(path, State.Fresh(), h => h.Build == "other" ? null : $"written by build {h.Build}"));

        // Then the version and the caller's reason are the messages
        Assert.Contains("format version 99; this build reads version 1", version.Message, StringComparison.Ordinal);
        Assert.Contains("written by build 1.0.0+test", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_KeepThePreviousSnapshotWhole_When_AWriteFails()
    {
        // Given a valid snapshot on disk
        var path = Path.Combine(_dir, "s.snapshot");
        SnapshotFile.Write(path, Header, State.Fresh());
        var before = File.ReadAllBytes(path);

        // When a later write fails part way (a hash table keyed by object identity cannot be saved)
        var bad = State.Fresh();
        bad.ByIdentity = new Dictionary<object, int> { [new object()] = 1 };
        var e = Assert.Throws<SnapshotException>(() => SnapshotFile.Write(path, Header, bad));

        // Then the old file is untouched, no temporary file is left, and the reason names the field
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_dir));
        Assert.Contains("ByIdentity", e.Message, StringComparison.Ordinal);
        SnapshotFile.Verify(path);
    }

    private struct Pair
    {
        public int Id;
        public List<string> Tags;
    }

    private sealed class State
    {
        public int[] Counts = new int[8];
        public float[,] Grid = new float[2, 3];
        public List<string> Names = [];
        public Dictionary<int, List<int>> Lists = [];
        public Pair Pair;
        public object? Boxed;
        public int? Maybe;
        public List<string>? Alias;
        public State? Self;
        public Func<int>? Callback;
        public Dictionary<object, int>? ByIdentity;

        [NonSerialized]
        public int Transient;

        public static State Fresh() => new() { Lists = new() { [0] = [0] }, Callback = () => 0 };
    }
}
