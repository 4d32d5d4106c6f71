using Recommender.Abstractions;

namespace Simulator.World.Population;

/// <summary>Scenario names of device classes.</summary>
public static class Devices
{
    /// <summary>Scenario keys, in <see cref="DeviceKind"/> order.</summary>
    public static readonly string[] Keys = ["ios", "android_high", "android_low"];
}
