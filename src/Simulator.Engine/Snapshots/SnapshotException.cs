namespace Simulator.Engine.Snapshots;

/// <summary>A snapshot that cannot be written or read back: corrupt, cut short, from another build or definition, or holding state the image cannot carry.</summary>
public sealed class SnapshotException : Exception
{
    /// <summary>Creates one without a message.</summary>
    public SnapshotException()
    {
    }

    /// <summary>Creates one with the line a user sees.</summary>
    public SnapshotException(string message)
        : base(message)
    {
    }

    /// <summary>Creates one with the line a user sees and its cause.</summary>
    public SnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
