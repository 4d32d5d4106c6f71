using Simulator.World.Population;

namespace Simulator.World.Behaviour;

/// <summary>
/// How each user feels while watching: topic satiation (decays between impressions), and within
/// a session its fatigue, the last topics seen, the seconds and videos watched and the utility
/// felt. Written only by <see cref="BehaviourModel"/> (each impression, and at session start).
/// </summary>
public sealed class ViewerColumns : ColumnGroup
{
    /// <summary>The value of <see cref="LastImpressionSecond"/> before a user's first impression.</summary>
    public const long NoImpression = long.MinValue;

    public ViewerColumns(int count, int topics)
        : base(count)
    {
        Topics = topics;
        Satiation = Column<float>(count * topics);
        LastImpressionSecond = Column(count, NoImpression);
        Fatigue = Column<float>(count);
        RecentTopics = Column(count, RecentTopicRing.Empty);
        SessionSeconds = Column<float>(count);
        SessionItems = Column<int>(count);
        SessionUtility = Column<float>(count);
    }

    public int Topics { get; }

    /// <summary>Topic satiation, <see cref="Topics"/> per user; decays with a half-life.</summary>
    public float[] Satiation { get; }

    /// <summary>Second of the user's last impression; <see cref="NoImpression"/> before the first.</summary>
    public long[] LastImpressionSecond { get; }

    /// <summary>Session fatigue (KuaiSim's falling "temper", CALIBRATION.md §2).</summary>
    public float[] Fatigue { get; }

    /// <summary>Topics of the last videos of the session, packed by <see cref="RecentTopicRing"/>.</summary>
    public int[] RecentTopics { get; }

    public float[] SessionSeconds { get; }

    public int[] SessionItems { get; }

    public float[] SessionUtility { get; }
}
