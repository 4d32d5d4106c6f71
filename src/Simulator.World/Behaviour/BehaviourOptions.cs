using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Behaviour;

/// <summary>
/// Coefficients of the per-impression user model (DESIGN.md §4). Defaults are a starting
/// calibration against CALIBRATION.md §1–2; where no figure is published the comment says so.
/// </summary>
[ImmutableObject(true)]
public sealed record BehaviourOptions
{
    /// <summary>Number of content topics K.</summary>
    [Description("Number of content topics K that interests, satiation and videos range over.")]
    [Range(2, 64)]
    public int Topics { get; init; } = 20;

    /// <summary>Weight of topic interest in utility.</summary>
    [Description("Weight b1 of topic interest (θ[topic]·K, so 1 is average) in the utility of a video.")]
    [Range(0.0, 10.0)]
    public double InterestWeight { get; init; } = 1.0;

    /// <summary>Weight of the taste match in utility.</summary>
    [Description("Weight b2 of the fine-grained taste match: √16 × cos(user taste z, video taste), so 1 adds one standard deviation of utility between a random user and video.")]
    [Range(0.0, 10.0)]
    public double TasteWeight { get; init; } = 0.5;

    /// <summary>Weight of production quality in utility.</summary>
    [Description("Weight b3 of production quality (0–1, centred at 0.5) in utility.")]
    [Range(0.0, 10.0)]
    public double QualityWeight { get; init; } = 1.0;

    /// <summary>Weight of the authenticity match in utility.</summary>
    [Description("Weight b4 of authenticity match: authenticity preference × (video authenticity − 0.5), doubled.")]
    [Range(0.0, 10.0)]
    public double AuthenticityWeight { get; init; } = 0.8;

    /// <summary>Weight of social proof in utility.</summary>
    [Description("Weight b5 of social proof: sensitivity × tanh((ln(1 + likes) − 2) / 2).")]
    [Range(0.0, 10.0)]
    public double SocialProofWeight { get; init; } = 0.4;

    /// <summary>Weight of length mismatch |ln(length / preferred)| in utility.</summary>
    [Description("Weight b6 of the length mismatch |ln(length / preferred length)| in utility.")]
    [Range(0.0, 10.0)]
    public double LengthMismatchWeight { get; init; } = 0.35;

    /// <summary>Weight of session fatigue in utility.</summary>
    [Description("Weight b7 of session fatigue in utility.")]
    [Range(0.0, 10.0)]
    public double FatigueWeight { get; init; } = 0.4;

    /// <summary>Satiation penalty λ in θ·(1 − λ·satiation).</summary>
    [Description("Satiation penalty λ: interest is scaled by exp(−λ·satiation[topic]), satiation rising by the share of each video watched (rebounding bandits, CALIBRATION.md §2).")]
    [Range(0.0, 5.0)]
    public double SatiationPenalty { get; init; } = 0.2;

    /// <summary>Half-life of topic satiation, hours.</summary>
    [Description("Half-life in hours of topic satiation (decay γ of the rebounding-bandit model).")]
    [Range(0.05, 240.0)]
    public double SatiationHalfLifeHours { get; init; } = 3.0;

    /// <summary>Scale of the logistic noise ε in utility.</summary>
    [Description("Scale of the logistic noise ε added to each utility.")]
    [Range(0.0, 5.0)]
    public double UtilityNoise { get; init; } = 0.5;

    /// <summary>Base log-odds of quitting after a video.</summary>
    [Description("Base log-odds of ending the session after any one video (sets typical session length).")]
    [Range(-10.0, 0.0)]
    public double QuitBaseLogOdds { get; init; } = -3.8;

    /// <summary>Log-odds added per unit of session fatigue to the quit hazard.</summary>
    [Description("Log-odds added to the quit hazard per unit of session fatigue.")]
    [Range(0.0, 10.0)]
    public double QuitFatigueWeight { get; init; } = 0.6;

    /// <summary>The return process: visit rates, clustering, habit dynamics.</summary>
    [Description("When users come back: daily visit rates by usage type, sessions clustered within an active day, habit that follows satisfaction and decays during absence.")]
    public ReturnOptions Return { get; init; } = new();

    /// <summary>Completion log-odds intercept a in a − b·ln(seconds) + utility.</summary>
    [Description("Completion log-odds a − b·ln(length in seconds) + utility (which holds the user's own length mismatch): the intercept a. Fitted with completion_slope by simulation to the completion-by-length curve of CALIBRATION.md §1.")]
    [Range(-10.0, 15.0)]
    public double CompletionIntercept { get; init; } = 6.8;

    /// <summary>Completion log-odds slope b per unit of ln(seconds).</summary>
    [Description("Completion log-odds a − b·ln(length in seconds) + utility: the slope b. Fitted with completion_intercept by simulation to the completion-by-length curve of CALIBRATION.md §1.")]
    [Range(0.0, 5.0)]
    public double CompletionSlope { get; init; } = 1.63;

    /// <summary>Session utility at which a session neither builds nor erodes habit.</summary>
    [Description("Population mean of the session utility at which a session's satisfaction is one half (per-user sd 0.5): better sessions build the habit, worse ones erode it.")]
    [Range(-5.0, 5.0)]
    public double HabitNeutralUtility { get; init; } = -0.75;

    /// <summary>Days without a visit after which a user is counted as churned (a reporting label: the user can still come back).</summary>
    [Description("Reporting label: a user with no visit in the last this-many days of the run counts as churned (stickiness.churn_rate); churned users can still come back.")]
    [Range(1, 365)]
    public int ChurnAfterDays { get; init; } = 30;
}
