namespace Simulator.Engine.Time;

/// <summary>
/// An immutable point on the simulation clock. Simulated time is always
/// <c>Tick × StepSeconds</c>; there is no wall-clock pacing (DESIGN.md §3).
/// </summary>
/// <param name="Tick">Zero-based index of the tick being processed.</param>
/// <param name="StepSeconds">Length of one tick in simulated seconds.</param>
public readonly record struct SimTime(long Tick, int StepSeconds)
{
    /// <summary>Seconds in one simulated day.</summary>
    public const int SecondsPerDay = 86_400;

    /// <summary>Simulated seconds elapsed at the start of this tick.</summary>
    public long TotalSeconds => Tick * StepSeconds;

    /// <summary>Simulated day (UTC) that this tick falls in; negative during a warm-up before day 0.</summary>
    public int Day => (int)Math.Floor(TotalSeconds / (double)SecondsPerDay);

    /// <summary>Seconds since UTC midnight of <see cref="Day"/>.</summary>
    public int SecondOfDay => (int)(TotalSeconds - (long)Day * SecondsPerDay);

    /// <summary>Ticks in one simulated day.</summary>
    public int TicksPerDay => SecondsPerDay / StepSeconds;

    /// <summary>True for the last tick of a simulated day (day-end rollups run here).</summary>
    public bool IsLastTickOfDay => SecondOfDay + StepSeconds >= SecondsPerDay;

    /// <summary>The tick after this one.</summary>
    public SimTime Next => this with { Tick = Tick + 1 };

    /// <summary>The tick at which <paramref name="seconds"/> of simulated time have elapsed (rounded down).</summary>
    public long TickAt(double seconds) => (long)Math.Floor(seconds / StepSeconds);
}
