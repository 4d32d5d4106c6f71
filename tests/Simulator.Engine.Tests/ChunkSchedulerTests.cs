using Simulator.Engine.Parallel;

namespace Simulator.Engine.Tests;

public sealed class ChunkSchedulerTests
{
    private sealed class Recorder(int items) : IChunkWork
    {
        public int[] Hits { get; } = new int[items];

        public int[] ChunkOf { get; } = new int[items];

        public void Execute(int chunk, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                Interlocked.Increment(ref Hits[i]);
                ChunkOf[i] = chunk;
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Should_ProcessEveryItemOnceInFixedChunks_When_RunWithAnyThreadCount(int threads)
    {
        using var scheduler = new ChunkScheduler(threads, chunkSize: 7);
        for (var round = 0; round < 50; round++)
        {
            var work = new Recorder(100);
            scheduler.Run(work, 100);
            Assert.All(work.Hits, h => Assert.Equal(1, h));
            for (var i = 0; i < 100; i++)
            {
                Assert.Equal(i / 7, work.ChunkOf[i]);
            }
        }
    }

    [Theory]
    [InlineData(1, 100, 8)]     // ceil(100 / 16) = 7 is below the floor of 8
    [InlineData(2, 100, 8)]
    [InlineData(4, 400, 25)]    // 16 chunks of 25
    [InlineData(2, 5000, 64)]   // enough items: full chunks
    [InlineData(2, 3, 8)]       // fewer items than the floor: one chunk
    public void Should_CutSmallBatchesIntoMoreChunks_When_MinChunksIsSet(int threads, int items, int expectedSize)
    {
        using var scheduler = new ChunkScheduler(threads, chunkSize: 64, minChunks: 16);
        Assert.Equal(expectedSize, scheduler.ChunkSizeFor(items));
        Assert.Equal((items + expectedSize - 1) / expectedSize, scheduler.ChunkCount(items));
        var work = new Recorder(items);
        scheduler.Run(work, items);
        Assert.All(work.Hits, h => Assert.Equal(1, h));
        for (var i = 0; i < items; i++)
        {
            // The chunking depends on the item count only, whatever the thread count.
            Assert.Equal(i / expectedSize, work.ChunkOf[i]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Should_RunEachPartOnceAsItsOwnChunk_When_RunningParts(int threads)
    {
        using var scheduler = new ChunkScheduler(threads, chunkSize: 7);
        for (var round = 0; round < 20; round++)
        {
            var parts = new Recorder(3);
            scheduler.RunParts(parts, 3);
            Assert.Equal([1, 1, 1], parts.Hits);
            Assert.Equal([0, 1, 2], parts.ChunkOf);

            // Item chunking is back for the next ordinary run
            var items = new Recorder(20);
            scheduler.Run(items, 20);
            Assert.Equal(Enumerable.Range(0, 20).Select(i => i / 7), items.ChunkOf);
        }

        scheduler.RunParts(new Recorder(0), 0); // nothing to run
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.RunParts(new Recorder(1), -1));
    }

    private sealed class Handshake : IChunkWork, IDisposable
    {
        private readonly ManualResetEventSlim _second = new(false);

        public bool SawTheOther { get; private set; }

        public void Dispose() => _second.Dispose();

        public void Execute(int chunk, int start, int end)
        {
            if (chunk == 0)
            {
                // Returns true only if part 1 runs while part 0 is still running.
                SawTheOther = _second.Wait(TimeSpan.FromSeconds(10));
            }
            else
            {
                _second.Set();
            }
        }
    }

    [Fact]
    public void Should_RunPartsSideBySide_When_ThereAreTwoThreads()
    {
        using var scheduler = new ChunkScheduler(2);
        using var work = new Handshake();

        scheduler.RunParts(work, 2);

        Assert.True(work.SawTheOther);
    }

    private sealed class Failing : IChunkWork
    {
        public void Execute(int chunk, int start, int end)
        {
            if (chunk == 3)
            {
                throw new InvalidOperationException("boom");
            }
        }
    }

    [Fact]
    public void Should_RethrowOnCaller_When_AChunkFails()
    {
        using var scheduler = new ChunkScheduler(2, chunkSize: 1);
        var ex = Assert.Throws<AggregateException>(() => scheduler.Run(new Failing(), 10));
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        // And the scheduler still works afterwards
        var work = new Recorder(10);
        scheduler.Run(work, 10);
        Assert.All(work.Hits, h => Assert.Equal(1, h));
    }
}
