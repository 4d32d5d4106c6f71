using System.ComponentModel;

namespace Simulator.World.Population;

/// <summary>A market the simulator knows: its standard UTC offset and main app language.</summary>
/// <param name="Code">ISO 3166 alpha-2 code, as scenarios write it.</param>
/// <param name="UtcOffsetMinutes">Standard-time offset from UTC (no daylight saving: a documented simplification).</param>
/// <param name="Language">Main app language (ISO 639-1).</param>
/// <param name="Locale">Bogus locale used for persona names.</param>
[ImmutableObject(true)]
public sealed record CountryInfo(string Code, int UtcOffsetMinutes, string Language, string Locale);

/// <summary>The markets scenarios may name. The first six are TikTok's largest (CALIBRATION.md §3, Statista 2025).</summary>
public static class Countries
{
    /// <summary>All known countries, in a fixed order (the index is the stored country id).</summary>
    public static readonly CountryInfo[] All =
    [
        new("US", -5 * 60, "en", "en_US"),
        new("ID", 7 * 60, "id", "id_ID"),
        new("BR", -3 * 60, "pt", "pt_BR"),
        new("MX", -6 * 60, "es", "es_MX"),
        new("PK", 5 * 60, "ur", "en_IND"),
        new("PH", 8 * 60, "fil", "en"),
        new("GB", 0, "en", "en_GB"),
        new("DE", 60, "de", "de"),
        new("FR", 60, "fr", "fr"),
        new("JP", 9 * 60, "ja", "ja"),
        new("VN", 7 * 60, "vi", "vi"),
        new("TH", 7 * 60, "th", "en"),
        new("TR", 3 * 60, "tr", "tr"),
        new("EG", 2 * 60, "ar", "ar"),
        new("SA", 3 * 60, "ar", "ar"),
        new("NG", 60, "en", "en"),
        new("CA", -5 * 60, "en", "en_CA"),
        new("AU", 10 * 60, "en", "en_AU"),
    ];

    /// <summary>The scenario keys (country codes).</summary>
    public static readonly string[] Codes = Array.ConvertAll(All, c => c.Code);

    /// <summary>Index of a code in <see cref="All"/>, or -1.</summary>
    public static int IndexOf(string code) => Array.IndexOf(Codes, code);
}
