namespace Simulator.Reporting.Running;

/// <summary>
/// Merges progress from replications running in parallel lanes into one monotone stream for a
/// display made for one replication at a time: it forwards the least advanced running
/// replication, with the overall fraction expressed through its tick.
/// </summary>
internal sealed class LaneProgress(IRunProgress inner, int replications) : IRunProgress
{
    private readonly Lock _gate = new();
    private readonly double[] _fraction = new double[replications];

    public void Report(in RunProgress p)
    {
        lock (_gate)
        {
            _fraction[p.Replication] = p.EndTick > 0 ? (double)p.Tick / p.EndTick : 1;
            double done = 0;
            foreach (var f in _fraction)
            {
                done += f;
            }

            // Whole replications done, plus the fraction of the next one: what the display expects.
            var whole = (int)Math.Min(replications - 1, Math.Floor(done));
            var tick = (long)((done - whole) * p.EndTick);
            inner.Report(p with { Replication = whole, Tick = tick });
        }
    }
}
