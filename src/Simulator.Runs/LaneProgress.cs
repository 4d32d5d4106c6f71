using Simulator.World.Simulation;

namespace Simulator.Runs;

/// <summary>
/// Merges progress from replications running in parallel lanes into one monotone stream for a
/// display made for one replication at a time: the overall fraction is expressed through the
/// replication and tick, the simulated day is the least advanced running lane's, and the
/// impression count is the lanes' total (each lane's warm-up count kept when it restarts at day 0),
/// so a rate computed between two reports is the whole run's, whichever lane reported.
/// </summary>
internal sealed class LaneProgress(IRunProgress inner, int replications) : IRunProgress
{
    private readonly Lock _gate = new();
    private readonly double[] _fraction = new double[replications];
    private readonly int[] _day = new int[replications];
    private readonly long[] _impressions = new long[replications];
    private readonly long[] _carried = new long[replications];
    private readonly bool[] _started = new bool[replications];

    public void Report(in RunProgress p)
    {
        lock (_gate)
        {
            var r = p.Replication;
            _fraction[r] = p.EndTick > 0 ? (double)p.Tick / p.EndTick : 1;
            _day[r] = p.Day;
            _started[r] = true;
            if (p.Impressions < _impressions[r])
            {
                // The lane's count restarted after its warm-up: keep what it had counted.
                _carried[r] += _impressions[r];
            }

            _impressions[r] = p.Impressions;
            double done = 0;
            long impressions = 0;
            var slowest = -1;
            for (var i = 0; i < replications; i++)
            {
                done += _fraction[i];
                impressions += _carried[i] + _impressions[i];
                if (_started[i] && _fraction[i] < 1 && (slowest < 0 || _fraction[i] < _fraction[slowest]))
                {
                    slowest = i;
                }
            }

            // Whole replications done, plus the fraction of the next one: what the display expects.
            var whole = (int)Math.Min(replications - 1, Math.Floor(done));
            var tick = (long)((done - whole) * p.EndTick);
            inner.Report(p with { Replication = whole, Tick = tick, Day = slowest < 0 ? p.Day : _day[slowest], Impressions = impressions });
        }
    }

    // Days keep their own replication: an observer of days pairs arms by replication.
    public void DayEnded(int replication, in DailyTotals day) => inner.DayEnded(replication, day);
}
