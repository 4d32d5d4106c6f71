namespace Simulator.World.Population;

/// <summary>
/// A user's local time from a simulated second (UTC, negative during warm-up) and the user's
/// UTC offset: the one place local days and hours are computed (sessions' request context,
/// policies' local days and curfews, the return model's diurnal profile).
/// </summary>
public static class LocalClock
{
    private const long Day = 86_400;

    /// <summary>Local seconds since the local midnight of day 0 (negative before it).</summary>
    public static long Local(long second, int utcOffsetMinutes) => second + utcOffsetMinutes * 60L;

    /// <summary>The local day (floor: second −1 is day −1).</summary>
    public static int DayOf(long second, int utcOffsetMinutes) => (int)FloorDiv(Local(second, utcOffsetMinutes), Day);

    /// <summary>The local hour, 0–23.</summary>
    public static int HourOf(long second, int utcOffsetMinutes)
    {
        var local = Local(second, utcOffsetMinutes) % Day;
        return (int)((local < 0 ? local + Day : local) / 3600);
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
