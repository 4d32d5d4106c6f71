namespace Simulator.World.Population;

/// <summary>
/// A group of per-user columns with one owner. Every column is created through
/// <see cref="Column{T}(int)"/>, so the group knows all of them: <see cref="Clear"/> and a snapshot
/// take the whole group, never a hand-kept list that a new column can slip past.
/// </summary>
public abstract class ColumnGroup
{
    private readonly List<Array> _columns = [];

    // Columns set once at build from the scenario (who a policy applies to): the constructor of the
    // world being restored rebuilds them, so a snapshot never carries them and a fork keeps its variant's.
    [NonSerialized]
    private readonly List<Array> _assigned = [];

    protected ColumnGroup(int count) => Count = count;

    /// <summary>Users in the table (rows of a per-user column).</summary>
    public int Count { get; }

    /// <summary>Every column of the group: state in creation order, then those assigned at build.</summary>
    public IReadOnlyList<Array> Columns => [.. _columns, .. _assigned];

    /// <summary>Zeroes every column of the group.</summary>
    public void Clear()
    {
        foreach (var c in _columns)
        {
            Array.Clear(c);
        }
    }

    /// <summary>A new column of <paramref name="length"/> zero values.</summary>
    protected T[] Column<T>(int length)
    {
        var column = new T[length];
        _columns.Add(column);
        return column;
    }

    /// <summary>
    /// A column of <paramref name="length"/> values, each <paramref name="initial"/>, that is written
    /// only while the world is built, from the scenario; not state (see <c>_assigned</c>): its
    /// property must carry <c>[field: NonSerialized]</c> too.
    /// </summary>
    protected T[] Assigned<T>(int length, T initial)
    {
        var column = new T[length];
        Array.Fill(column, initial);
        _assigned.Add(column);
        return column;
    }

    /// <summary>A new column of <paramref name="length"/> values, each <paramref name="initial"/>.</summary>
    protected T[] Column<T>(int length, T initial)
    {
        var column = Column<T>(length);
        Array.Fill(column, initial);
        return column;
    }
}
