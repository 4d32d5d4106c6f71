using System.ComponentModel;

namespace Recommender;

/// <summary>
/// Value weights V_k of the ranking formula Σ V_k·P_k + V_play·E[watch] (CALIBRATION.md §6:
/// "TikTok Algo 101" via NYT 2021; Douyin Safety &amp; Trust Center 2025). Defaults follow the
/// DESIGN.md sketch; the platform's real weights are not published.
/// </summary>
[ImmutableObject(true)]
public sealed record ValueWeights
{
    /// <summary>Weight of a like.</summary>
    [Description("Value of a like.")]
    public double Like { get; init; } = 1.0;

    /// <summary>Weight of a comment.</summary>
    [Description("Value of a comment.")]
    public double Comment { get; init; } = 2.0;

    /// <summary>Weight of a share.</summary>
    [Description("Value of a share.")]
    public double Share { get; init; } = 3.0;

    /// <summary>Weight of a follow.</summary>
    [Description("Value of a follow gained from the video.")]
    public double Follow { get; init; } = 4.0;

    /// <summary>Weight of a finished view.</summary>
    [Description("Value of watching a video to the end.")]
    public double Finish { get; init; } = 1.0;

    /// <summary>Weight per minute watched.</summary>
    [Description("Value per minute of watch time (V_play).")]
    public double Playtime { get; init; } = 0.5;

    /// <summary>Weight of a "not interested" (negative: a penalty). Not published; a guess.</summary>
    [Description("Value of a 'not interested' signal; negative values penalise.")]
    public double NotInterested { get; init; } = -4.0;
}
