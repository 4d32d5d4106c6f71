using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Content;

/// <summary>Content supply: how many creators, how big the starting catalogue, how fast uploads come.</summary>
public sealed record ContentOptions
{
    /// <summary>Creators per 1,000 users (CALIBRATION.md §3: about half of adult users never post; most who post, rarely).</summary>
    [Description("Active creators per 1,000 users.")]
    [Range(0.1, 1000.0)]
    public double CreatorsPerThousandUsers { get; init; } = 20;

    /// <summary>Videos already in the catalogue at the start, per creator.</summary>
    [Description("Videos in the catalogue at the start, per creator (uploaded over the preceding week).")]
    [Range(0.0, 1000.0)]
    public double InitialVideosPerCreator { get; init; } = 10;

    /// <summary>Median uploads per creator per day.</summary>
    [Description("Median uploads per creator per day; rates are heavy-tailed so the top quarter of posters make most videos (Pew, CALIBRATION.md §3).")]
    [Range(0.0, 100.0)]
    public double UploadsPerCreatorPerDay { get; init; } = 0.3;

    /// <summary>Median video length, seconds.</summary>
    [Description("Median video length in seconds across creators.")]
    [Range(3.0, 3600.0)]
    public double MedianLengthSeconds { get; init; } = 30;
}
