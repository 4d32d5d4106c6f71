namespace Simulator.Engine.Parallel;

/// <summary>
/// Deterministic data parallelism: items are cut into chunks whose size depends only on the
/// number of items, never on the thread count; chunks run on a fixed set of worker threads, and
/// callers merge per-chunk results in chunk order. Whatever thread runs a chunk, its output is the same.
/// </summary>
/// <remarks>
/// Workers are long-lived threads woken by a semaphore, so a call allocates nothing
/// (unlike <c>Parallel.For</c>, which allocates per call); the per-tick allocation test relies on it.
/// </remarks>
public sealed class ChunkScheduler : IDisposable
{
    private readonly Thread[] _workers;
    private readonly int _minChunks;
    private readonly ThreadShare? _share;
    private readonly SemaphoreSlim _start = new(0);
    private readonly ManualResetEventSlim _done = new(false);
    private IChunkWork? _work;
    private int _itemCount;
    private int _chunkCount;
    private int _nextChunk;
    private int _activeWorkers;
    private bool _partsOnly;
    private Exception? _failure;
    private volatile bool _disposed;

    /// <summary>
    /// Creates a scheduler that runs chunks on <paramref name="threads"/> threads (the caller's included).
    /// Chunks hold <paramref name="chunkSize"/> items, or fewer (down to 8) when that is needed to cut
    /// the items into at least <paramref name="minChunks"/> chunks, so that a small batch still spreads
    /// over the threads and a slow chunk does not leave the others idle. With a
    /// <paramref name="share"/>, the scheduler keeps a worker for each of the share's cores and uses
    /// at each call only as many threads as its share allows then.
    /// </summary>
    public ChunkScheduler(int threads, int chunkSize = 4096, int minChunks = 1, ThreadShare? share = null)
    {
        threads = share?.Total ?? threads;
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minChunks, 1);
        Threads = threads;
        ChunkSize = chunkSize;
        _minChunks = minChunks;
        _share = share;
        _workers = new Thread[threads - 1];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkerLoop) { IsBackground = true, Name = $"sim-worker-{i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>Threads that may execute chunks, the calling thread included (with a share, at most).</summary>
    public int Threads { get; }

    /// <summary>Largest number of items per chunk; fixed for the life of a run.</summary>
    public int ChunkSize { get; }

    /// <summary>Items per chunk for a batch of <paramref name="itemCount"/> items (a function of the count alone, never of the threads).</summary>
    public int ChunkSizeFor(int itemCount) =>
        _minChunks == 1 ? ChunkSize : Math.Clamp((itemCount + _minChunks - 1) / _minChunks, Math.Min(8, ChunkSize), ChunkSize);

    /// <summary>Number of chunks <paramref name="itemCount"/> items are cut into.</summary>
    public int ChunkCount(int itemCount)
    {
        var size = ChunkSizeFor(itemCount);
        return (itemCount + size - 1) / size;
    }

    /// <summary>Runs <paramref name="work"/> over <paramref name="itemCount"/> items and returns when every chunk is done.</summary>
    public void Run(IChunkWork work, int itemCount) => Run(work, itemCount, ChunkCount(itemCount), partsOnly: false);

    /// <summary>
    /// Runs <paramref name="parts"/> whole parts of one job side by side (chunk <c>p</c> is part
    /// <c>p</c>, with start <c>p</c> and end <c>p + 1</c>) and returns when all are done: for work
    /// whose parts touch disjoint state, so that running them one after another (one thread)
    /// or together gives the same result.
    /// </summary>
    public void RunParts(IChunkWork work, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parts);
        Run(work, parts, parts, partsOnly: true);
    }

    private void Run(IChunkWork work, int itemCount, int chunks, bool partsOnly)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (chunks == 0)
        {
            return;
        }

        _partsOnly = partsOnly;

        var allowed = _share is null ? _workers.Length : Math.Min(_workers.Length, _share.PerHolder - 1);
        if (allowed == 0 || chunks == 1)
        {
            for (var c = 0; c < chunks; c++)
            {
                Execute(work, c, itemCount);
            }

            return;
        }

        _work = work;
        _itemCount = itemCount;
        _chunkCount = chunks;
        _nextChunk = -1;
        _failure = null;
        var helpers = Math.Min(allowed, chunks - 1);
        _activeWorkers = helpers;
        _done.Reset();
        _start.Release(helpers);
        RunChunks();
        _done.Wait();
        _work = null;
        if (_failure is not null)
        {
            throw new AggregateException("A simulation chunk failed.", _failure);
        }
    }

    private void Execute(IChunkWork work, int chunk, int itemCount)
    {
        var size = _partsOnly ? 1 : ChunkSizeFor(itemCount);
        var start = chunk * size;
        var end = Math.Min(itemCount, start + size);
        work.Execute(chunk, start, end);
    }

    private void RunChunks()
    {
        var work = _work!;
        while (true)
        {
            var c = Interlocked.Increment(ref _nextChunk);
            if (c >= _chunkCount)
            {
                return;
            }

            try
            {
                Execute(work, c, _itemCount);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Interlocked.CompareExchange(ref _failure, ex, null);
                // Skip the remaining chunks; the caller rethrows.
                Interlocked.Exchange(ref _nextChunk, _chunkCount);
            }
        }
    }

    private void WorkerLoop()
    {
        while (true)
        {
            _start.Wait();
            if (_disposed)
            {
                return;
            }

            RunChunks();
            if (Interlocked.Decrement(ref _activeWorkers) == 0)
            {
                _done.Set();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_workers.Length > 0)
        {
            _start.Release(_workers.Length);
        }

        foreach (var w in _workers)
        {
            w.Join();
        }

        _start.Dispose();
        _done.Dispose();
    }
}
