using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Behaviour;

/// <summary>
/// When users come back (DESIGN.md §4, return): a daily visit propensity by usage type scaled by
/// habit, sessions clustered within an active day by a self-exciting term (the Accordion model's
/// Hawkes intensity, CALIBRATION.md §2), habit that moves towards how satisfying sessions are and
/// decays during absence towards a floor, so the return hazard falls with time since the last
/// visit and a lapsed user still comes back at a small rate. None of these rates is published;
/// the defaults are a starting point that <c>simulator calibrate</c> measures against
/// CALIBRATION.md §1 (DAU/MAU, sessions per DAU, install-cohort retention).
/// </summary>
[ImmutableObject(true)]
public sealed record ReturnOptions
{
    [Description("Median rate per day at full habit of a user's first session of a stretch of use, by usage type (log-normal across users, spread visit_rate_spread); with habit h the rate is h times this. Not published: light 0.15, casual 0.5, core 1.6, trial 0.5.")]
    public UsageLevels VisitsPerDay { get; init; } = new() { Light = 0.15, Casual = 0.5, Core = 1.6, Trial = 0.5 };

    [Description("Log-normal spread (sigma) of visit rates within a usage type: the heavy tail of who uses the app how often.")]
    [Range(0.0, 3.0)]
    public double VisitRateSpread { get; init; } = 0.6;

    [Description("Habit a user starts with, by usage type (0–1): existing users at a settled level, installs lower; trial installs lowest. Not published.")]
    public UsageLevels InitialHabit { get; init; } = new() { Light = 0.5, Casual = 0.55, Core = 0.65, Trial = 0.15 };

    [Description("Mean number of further sessions each session triggers within the following hours (branching ratio of the self-exciting term, < 1): sets sessions per active day (about 1 / (1 − clustering)) apart from how many days are active. Varies per user (Beta, concentration 8).")]
    [Range(0.0, 0.95)]
    public double Clustering { get; init; } = 0.6;

    [Description("Decay time in hours of the self-exciting term: how soon after a session its pull to come back fades.")]
    [Range(0.1, 48.0)]
    public double ClusteringHours { get; init; } = 2.0;

    [Description("Step by which habit moves towards a session's satisfaction at its end (0–1): how quickly the first sessions decide whether a habit forms.")]
    [Range(0.0, 1.0)]
    public double HabitLearningRate { get; init; } = 0.12;

    [Description("Slope of a session's satisfaction σ(slope × (mean session utility − the user's neutral utility)).")]
    [Range(0.0, 20.0)]
    public double HabitSensitivity { get; init; } = 2.0;

    [Description("Time constant in days of habit decay during absence, towards habit_floor (CALIBRATION.md §1: installs that form no habit in the first week mostly never do).")]
    [Range(0.1, 365.0)]
    public double HabitDecayDays { get; init; } = 7.0;

    [Description("Habit a lapsed user decays to: times the visit rate, the small rate at which lapsed users come back.")]
    [Range(0.0, 1.0)]
    public double HabitFloor { get; init; } = 0.04;
}
