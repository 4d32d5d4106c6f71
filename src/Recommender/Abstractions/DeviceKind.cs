namespace Recommender.Abstractions;

/// <summary>Device class as the platform sees it from the client.</summary>
public enum DeviceKind : byte
{
    /// <summary>An iPhone or iPad.</summary>
    Ios = 0,

    /// <summary>A recent, fast Android phone.</summary>
    AndroidHigh = 1,

    /// <summary>A low-end Android phone.</summary>
    AndroidLow = 2,
}
