using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Simulator.Cli.Commands;

/// <summary>
/// What this machine gives N threads that share nothing: the same fixed work is timed on one
/// thread and on N threads at once, and the throughput ratio is the best speed-up any program
/// could hope for here. Two kernels bracket the simulator's parallel work: pure arithmetic
/// (independent multiply-xorshift chains, all in registers) and dependent random reads over an
/// array far larger than the per-core caches (the cache misses that pre-ranking spends its time on).
/// Virtual machines, shared last-level caches and memory bandwidth can keep it well under N.
/// </summary>
internal static class MachineCeiling
{
    /// <summary>Work units (kernel iterations) per thread per measurement: about half a second on the development machine.</summary>
    internal const long ComputeIterations = 150_000_000;

    internal const long MemoryReads = 4_000_000;

    // 64 MiB of int: sixteen times the development machine's 4 MiB L2, so nearly every read misses it.
    private const int MemoryInts = 16 << 20;

    /// <summary>One kernel's ratios (N-thread throughput over one-thread throughput), one per repetition.</summary>
    internal sealed record Result(string Kernel, IReadOnlyList<double> Ratios)
    {
        public double Median => Ratios.Order().ElementAt(Ratios.Count / 2);
    }

    /// <summary>Measures both kernels <paramref name="repetitions"/> times for <paramref name="threads"/> threads.</summary>
    public static IReadOnlyList<Result> Measure(int threads, int repetitions = 3, long computeIterations = ComputeIterations, long memoryReads = MemoryReads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(repetitions, 1);
        var cycle = RandomCycle(MemoryInts);
        var kernels = new (string Name, Func<int, ulong> Work)[]
        {
            ("arithmetic (independent multiply-xorshift chains)", t => Compute(computeIterations, (ulong)t)),
            ("random memory reads (64 MiB pointer chase)", t => Chase(cycle, memoryReads, t * 7919)),
        };
        var results = new List<Result>();
        foreach (var (name, work) in kernels)
        {
            // Compiled and the pages touched before timing.
            Time(1, work);
            var ratios = new double[repetitions];
            for (var r = 0; r < repetitions; r++)
            {
                var one = Time(1, work);
                var many = Time(threads, work);
                ratios[r] = threads * one / many;
            }

            results.Add(new Result(name, ratios));
        }

        return results;
    }

    /// <summary>Runs <paramref name="work"/> once on each of <paramref name="threads"/> fresh threads, released together; returns the wall time until the last finishes.</summary>
    internal static double Time(int threads, Func<int, ulong> work)
    {
        var sink = new ulong[threads];
        using var go = new ManualResetEventSlim(false);
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var index = t;
            workers[t] = new Thread(() =>
            {
                go.Wait();
                sink[index] = work(index);
            }) { IsBackground = true };
            workers[t].Start();
        }

        // Threads are started (not yet running the work) before the clock starts.
        Thread.Sleep(20);
        var clock = Stopwatch.StartNew();
        go.Set();
        foreach (var w in workers)
        {
            w.Join();
        }

        clock.Stop();
        GC.KeepAlive(sink);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Four independent 64-bit LCG-and-xorshift chains: bound by the core's arithmetic throughput, no memory traffic.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ulong Compute(long iterations, ulong seed)
    {
        const ulong M = 6364136223846793005UL;
        ulong a = seed, b = seed + 1, c = seed + 2, d = seed + 3;
        for (var i = 0L; i < iterations; i++)
        {
            a = a * M + 1;
            b = b * M + 3;
            c = c * M + 5;
            d = d * M + 7;
            a ^= a >> 29;
            b ^= b >> 29;
            c ^= c >> 29;
            d ^= d >> 29;
        }

        return a ^ b ^ c ^ d;
    }

    /// <summary>Follows <paramref name="reads"/> links of a single random cycle: every read depends on the last, so each costs a full miss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ulong Chase(int[] cycle, long reads, int start)
    {
        var i = start % cycle.Length;
        var sum = 0UL;
        for (var k = 0L; k < reads; k++)
        {
            i = cycle[i];
            sum += (uint)i;
        }

        return sum;
    }

    /// <summary>next[] forming one cycle through all <paramref name="length"/> slots in a shuffled order (Sattolo's algorithm, fixed seed).</summary>
    internal static int[] RandomCycle(int length)
    {
        var next = new int[length];
        for (var i = 0; i < length; i++)
        {
            next[i] = i;
        }

        // The engine's counter-based stream, like every other draw in the project (fixed seed: the layout is the same on every run).
        var draws = new Simulator.Engine.Random.RandomCursor(seed: 0, entity: 0, stream: 0);
        for (var i = length - 1; i > 0; i--)
        {
            var j = draws.NextInt(i);
            (next[i], next[j]) = (next[j], next[i]);
        }

        return next;
    }
}
