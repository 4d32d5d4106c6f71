using Simulator.Engine.Parallel;

namespace Simulator.Engine.Tests;

public sealed class ThreadShareTests
{
    // Records which threads ran the chunks of one call.
    private sealed class ThreadRecorder : IChunkWork
    {
        private readonly HashSet<int> _threads = [];
        private readonly Lock _gate = new();

        public int Distinct { get { lock (_gate) { return _threads.Count; } } }

        public void Execute(int chunk, int start, int end)
        {
            // Long enough that every woken worker takes a chunk.
            Thread.Sleep(2);
            lock (_gate)
            {
                _threads.Add(Environment.CurrentManagedThreadId);
            }
        }
    }

    [Fact]
    public void Should_SplitTheCoresAmongHolders_When_HoldersComeAndGo()
    {
        // Given a share of four cores
        var share = new ThreadShare(4);
        Assert.Equal(4, share.PerHolder);

        // When three jobs hold it, then two of them let go
        var a = share.Hold();
        var b = share.Hold();
        var c = share.Hold();
        var whileThree = share.PerHolder;
        a.Dispose();
        b.Dispose();
        b.Dispose();

        // Then each got one core while three held it, and the one left gets all four
        Assert.Equal(1, whileThree);
        Assert.Equal(1, share.Holders);
        Assert.Equal(4, share.PerHolder);
        c.Dispose();
        Assert.Equal(0, share.Holders);
    }

    [Fact]
    public void Should_UseOnlyItsShareOfThreads_When_AnotherJobHoldsTheRest()
    {
        // Given a scheduler on a two-core share that another job also holds
        var share = new ThreadShare(2);
        using var scheduler = new ChunkScheduler(1, chunkSize: 1, share: share);
        using var mine = share.Hold();
        var other = share.Hold();

        // When it runs 16 chunks, then again after the other job let go
        var shared = new ThreadRecorder();
        scheduler.Run(shared, 16);
        other.Dispose();
        var alone = new ThreadRecorder();
        scheduler.Run(alone, 16);

        // Then it ran on its one thread while sharing, and on both once alone
        Assert.Equal(1, shared.Distinct);
        Assert.Equal(2, alone.Distinct);
    }
}
