using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Simulator.Reporting.Output;

/// <summary>
/// The machine a result was made on, for manifests and bench reports: cores, CPU model, the widest
/// hardware vectors the runtime uses (results are not yet byte-identical across CPUs whose vector
/// widths or math libraries differ, README "Determinism across machines"), OS and .NET version.
/// </summary>
public static class MachineDescription
{
    private static readonly Lazy<string> Text = new(Describe);

    /// <summary>E.g. "2 logical cores (AMD EPYC; 512-bit vectors), Debian GNU/Linux 12 (bookworm), .NET 10.0.12".</summary>
    public static string Current => Text.Value;

    private static string Describe()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not readable: the CPU stays unknown.
        }

        var vectors = Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;
        return $"{Environment.ProcessorCount} logical cores ({cpu}; {vectors}-bit vectors), {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
