using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using Simulator.Engine.Snapshots;

namespace Simulator.Cli.Tests;

/// <summary><c>run --checkpoint-every</c> and <c>resume</c> at their edges: refused snapshots, a process killed mid-write, I/O failures.</summary>
public sealed class SnapshotCliTests : IDisposable
{
    private const string Scenario = "name: snap\nseed: 3\nreplications: 2\nduration: { days: 12, warmup_days: 2 }\npopulation: { size: 200 }\ncontent: { catalogue_min_users: 0 }\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("sim-snap-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Should_RefuseToResume_When_TheSnapshotIsCorruptFromAnotherBuildOrTheScenarioChanged()
    {
        // Given a run stopped (as by Ctrl+C) once its first checkpoint exists
        var file = Path.Combine(_dir, "snap.yaml");
        await File.WriteAllTextAsync(file, Scenario);
        var output = Path.Combine(_dir, "out");
        var snapshot = Path.Combine(output, ".checkpoints", "snap", "rep-0.snapshot");
        var (stoppedCode, _, stoppedErr) = await StopWhenExists(snapshot, "run", file, "--out", output, "--checkpoint-every", "1", "--threads", "1", "--quiet");
        Assert.Equal(1, stoppedCode);
        Assert.Contains("simulator resume", stoppedErr, StringComparison.Ordinal);
        var good = await File.ReadAllBytesAsync(snapshot);

        // When its snapshot has a flipped byte, comes from another build, or the scenario file changed since
        var flipped = (byte[])good.Clone();
        flipped[good.Length / 3] ^= 1;
        await File.WriteAllBytesAsync(snapshot, flipped);
        var corrupt = await CliRun.Run("resume", Path.Combine(output, "snap"));
        await File.WriteAllBytesAsync(snapshot, OtherBuild(good));
        var otherBuild = await CliRun.Run("resume", Path.Combine(output, "snap"));
        await File.WriteAllBytesAsync(snapshot, good);
        await File.WriteAllTextAsync(file, Scenario.Replace("seed: 3", "seed: 4", StringComparison.Ordinal));
        var changed = await CliRun.Run("resume", Path.Combine(output, "snap"));

        // Then each exits 2 with one line naming the file and the reason, and no stack trace
        Assert.Equal(2, corrupt.Code);
        Assert.Contains("checksum does not match", corrupt.Err, StringComparison.Ordinal);
        Assert.Equal(2, otherBuild.Code);
        Assert.Contains("it was written by build", otherBuild.Err, StringComparison.Ordinal);
        Assert.Equal(2, changed.Code);
        Assert.Contains("another version of the scenario", changed.Err, StringComparison.Ordinal);
        Assert.All(new[] { corrupt.Err, otherBuild.Err, changed.Err }, e => Assert.DoesNotContain("   at ", e, StringComparison.Ordinal));

        // And with the file put back, the run resumes to the end and clears its working area
        await File.WriteAllTextAsync(file, Scenario);
        var resumed = await CliRun.Run("resume", Path.Combine(output, "snap"), "--quiet");
        Assert.Equal(0, resumed.Code);
        Assert.False(Directory.Exists(Path.Combine(output, ".checkpoints")));
    }

    [Fact]
    public async Task Should_LeaveThePreviousCheckpointValid_When_TheProcessIsKilledWhileWritingOne()
    {
        // Given the simulator running in its own process, checkpointing every simulated day
        var file = Path.Combine(_dir, "snap.yaml");
        await File.WriteAllTextAsync(file, Scenario.Replace("days: 12", "days: 20", StringComparison.Ordinal));
        var output = Path.Combine(_dir, "out");
        var area = Path.Combine(output, ".checkpoints", "snap");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "simulator"), ["run", file, "--out", output, "--checkpoint-every", "1", "--threads", "1", "--quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;

        // When it is killed (SIGKILL) while a later checkpoint is being written over an earlier one
        var caught = false;
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (File.Exists(Path.Combine(area, "rep-0.snapshot")) && Directory.Exists(area) && Directory.GetFiles(area, ".rep-0.snapshot.*.tmp").Length > 0)
            {
                process.Kill();
                caught = true;
                break;
            }

            Thread.Sleep(1);
        }

        await process.WaitForExitAsync();

        // Then the half-written file is only a temporary one, the previous checkpoint verifies, and resume finishes the run
        Assert.True(caught, "the process ended before a checkpoint write could be interrupted");
        SnapshotFile.Verify(Path.Combine(area, "rep-0.snapshot"));
        var resumed = await CliRun.Run("resume", area, "--quiet");
        Assert.Equal(0, resumed.Code);
        Assert.True(File.Exists(Path.Combine(output, "snap", "summary.json")));
    }

    [Fact]
    public async Task Should_PrintOneLineAndExitOne_When_TheResultsCannotBeWritten()
    {
        // Given an output root under a regular file, so no folder can be made there
        var file = Path.Combine(_dir, "tiny.yaml");
        await File.WriteAllTextAsync(file, "name: tiny\nreplications: 1\nduration: { days: 1 }\npopulation: { size: 100 }\ncontent: { catalogue_min_users: 0 }\nrecommender: { policy: popularity }\n");
        var blocker = Path.Combine(_dir, "blocker");
        await File.WriteAllTextAsync(blocker, "");

        // When a run, and a run with checkpoints, are pointed there
        var plain = await CliRun.Run("run", file, "--out", Path.Combine(blocker, "results"), "--quiet");
        var checkpointed = await CliRun.Run("run", file, "--out", Path.Combine(blocker, "results"), "--checkpoint-every", "1", "--quiet");

        // Then each exits 1 with one line naming the path, and no stack trace
        foreach (var (code, _, err) in new[] { plain, checkpointed })
        {
            Assert.Equal(1, code);
            Assert.Contains(blocker, err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        }
    }

    // Runs the CLI in-process and cancels it (as Ctrl+C does) as soon as the file appears. The watch
    // is a thread of its own, not a thread-pool task, so that tests running alongside cannot starve it.
    private static async Task<(int Code, string Out, string Err)> StopWhenExists(string path, params string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var run = CliApp.RunAsync(args, stdout, stderr, stop.Token);
        var watch = new Thread(() =>
        {
            while (!run.IsCompleted && !File.Exists(path))
            {
                Thread.Sleep(2);
            }

            stop.Cancel();
        })
        { IsBackground = true };
        watch.Start();
        var code = await run;
        watch.Join();
        return (code, stdout.ToString(), stderr.ToString());
    }

    // The same snapshot as if another build had written it: one character of the build in the header changed, checksum renewed.
    private static byte[] OtherBuild(byte[] snapshot)
    {
        var bytes = (byte[])snapshot.Clone();
        var build = Encoding.UTF8.GetBytes("1.0.0+");
        var at = bytes.AsSpan(0, 400).IndexOf(build);
        Assert.True(at > 0);
        bytes[at] = (byte)'9';
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(bytes.Length - 8), XxHash64.HashToUInt64(bytes.AsSpan(0, bytes.Length - 8)));
        return bytes;
    }
}
