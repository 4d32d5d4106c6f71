namespace Simulator.Engine.Parallel;

/// <summary>
/// A fixed number of cores shared by independent jobs running side by side (for example several
/// simulations, one per lane): while <c>n</c> jobs hold a share, each may use
/// <see cref="Total"/> / <c>n</c> threads (at least one), so when a job ends the ones still running
/// take over its cores at their next parallel step instead of leaving them idle. Only for work whose
/// result does not depend on the thread count (as <see cref="ChunkScheduler"/>'s does not).
/// </summary>
public sealed class ThreadShare
{
    private int _holders;

    /// <summary>Creates a share of <paramref name="total"/> cores.</summary>
    public ThreadShare(int total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 1);
        Total = total;
    }

    /// <summary>Cores shared out.</summary>
    public int Total { get; }

    /// <summary>Jobs holding a share now.</summary>
    public int Holders => Volatile.Read(ref _holders);

    /// <summary>Threads one holder may use now.</summary>
    public int PerHolder => Math.Max(1, Total / Math.Max(1, Holders));

    /// <summary>Takes a share until the returned handle is disposed.</summary>
    public IDisposable Hold()
    {
        Interlocked.Increment(ref _holders);
        return new Holding(this);
    }

    private sealed class Holding(ThreadShare share) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref share._holders);
            }
        }
    }
}
