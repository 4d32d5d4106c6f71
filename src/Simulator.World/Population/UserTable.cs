using Simulator.World.Behaviour;
using Simulator.World.Policies;

namespace Simulator.World.Population;

/// <summary>
/// Every user's persona and state as struct-of-arrays indexed by user id (DESIGN.md §3), in
/// column groups with one owner each: a group is written only by its owner (named on the
/// group), within a tick only by the chunk that owns the user or in the sequential phases.
/// Resets and snapshots take whole groups.
/// </summary>
public sealed class UserTable
{
    public UserTable(int count, int topics, int feedCapacity)
    {
        Count = count;
        Topics = topics;
        Persona = new PersonaColumns(count, topics);
        Policy = new PolicyColumns(count);
        Session = new SessionColumns(count, topics, feedCapacity);
        Viewer = new ViewerColumns(count, topics);
        Return = new ReturnColumns(count);
        Activity = new ActivityColumns(count);
        Lifetime = new LifetimeTotals(count);
        Draws = new StreamPositions(count);
    }

    public int Count { get; }

    public int Topics { get; }

    /// <summary>Who the users are (read-only after build).</summary>
    public PersonaColumns Persona { get; }

    /// <summary>Policies that apply to each user and their daily state.</summary>
    public PolicyColumns Policy { get; }

    /// <summary>Session membership, tick budget and prefetched slates.</summary>
    public SessionColumns Session { get; }

    /// <summary>Satiation and in-session feelings.</summary>
    public ViewerColumns Viewer { get; }

    /// <summary>Habit: what brings users back.</summary>
    public ReturnColumns Return { get; }

    /// <summary>Active days (MAU, retention).</summary>
    public ActivityColumns Activity { get; }

    /// <summary>Per-user totals of the reported days.</summary>
    public LifetimeTotals Lifetime { get; }

    /// <summary>Positions of each user's random streams.</summary>
    public StreamPositions Draws { get; }

    /// <summary>Every column group, for whole-state operations (snapshots, footprints).</summary>
    public IReadOnlyList<ColumnGroup> Groups => [Persona, Policy, Session, Viewer, Return, Activity, Lifetime, Draws];
}
