namespace Simulator.World.Simulation;

/// <summary>Receives the world's day-end rollups (results collectors implement it).</summary>
public interface IWorldObserver
{
    void OnDayEnd(in DailyTotals day);
}
