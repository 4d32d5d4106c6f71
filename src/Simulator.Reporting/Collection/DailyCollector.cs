using Simulator.World.Simulation;

namespace Simulator.Reporting.Collection;

/// <summary>Keeps each day's totals of one replication.</summary>
public sealed class DailyCollector : IWorldObserver
{
    private readonly List<DailyTotals> _days = [];

    public IReadOnlyList<DailyTotals> Days => _days;

    public void OnDayEnd(in DailyTotals day) => _days.Add(day);
}
