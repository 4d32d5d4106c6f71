using Simulator.Scenarios.Model;

namespace Simulator.Reporting.Validation;

/// <summary>
/// The published outcomes the simulator is checked against, each with the scenario that mimics
/// it (CALIBRATION.md §4b and others, cited and graded). None of them is a fit target.
/// </summary>
public static class ValidationCatalog
{
    public static readonly IReadOnlyList<PublishedOutcome> Outcomes =
    [
        new()
        {
            Id = "chronological-feed",
            Experiment = "Reverse-chronological feed instead of the ranked one, about 7,200 Facebook and 8,800 Instagram US adults, three months (Sept–Dec 2020).",
            Finding = "Users \"substantially decreased the time they spent on the platforms\" and got bored sooner; attitudes did not move. Size not restated here.",
            Source = "Guess et al., Science 381 (2023), doi 10.1126/science.abp9364; Wired 2023",
            Grade = 'A',
            Scenario = "chronological-3-months.yaml",
            Metric = MetricKeys.MinutesPerUser,
            Direction = -1,
            Mimic = "The treatment arm gets the `chronological` Following feed for 84 reported days on a settled world; time spent per user, active or not, as the experiment measured it. The simulator has no rival app to move to: leaving shows up as fewer sessions.",
        },
        new()
        {
            Id = "dpp-diversity",
            Experiment = "Determinantal-point-process diversification of the YouTube home feed (online A/B test).",
            Finding = "+0.63 % satisfied watchers with a DPP, +1.72 % with a deep DPP.",
            Source = "Wilhelm et al., \"Practical Diversified Recommendations on YouTube with Determinantal Point Processes\", CIKM 2018",
            Grade = 'A',
            Scenario = "diversity-rerank.yaml",
            Metric = MetricKeys.MinutesPerUser,
            Direction = 1,
            SizePct = 0.63,
            Mimic = "The treatment doubles the re-ranker's diversity weight (0.3 → 0.6, greedy MMR over topic and taste, not a DPP). \"Satisfied watchers\" is read as time spent per user; the simulator has no satisfaction survey.",
        },
        new()
        {
            Id = "simple-diversity-penalty",
            Experiment = "Heuristic diversity rules (penalties on repeated content) tried at YouTube before the DPP.",
            Finding = "The simple penalties moved the satisfaction metrics down (negative results).",
            Source = "Wilhelm et al., CIKM 2018 (same paper)",
            Grade = 'A',
            Scenario = "topic-penalty.yaml",
            Metric = MetricKeys.MinutesPerUser,
            Direction = -1,
            Mimic = "The treatment raises the fatigue penalty on recently served topics fivefold (0.05 → 0.25) and caps a topic at two videos per slate: a fixed penalty, blind to whether the user wants more of the topic.",
        },
        new()
        {
            Id = "small-ranking-change",
            Experiment = "Thousands of online controlled experiments at large sites (Microsoft, Google, LinkedIn, Booking).",
            Finding = "Most ideas do not improve the key metric, and winning changes typically move it by fractions of a percent.",
            Source = "Kohavi, Tang & Xu, \"Trustworthy Online Controlled Experiments\", Cambridge University Press 2020",
            Grade = 'A',
            Scenario = "like-weight.yaml",
            Metric = MetricKeys.MinutesPerUser,
            Direction = 0,
            NullBandPct = 1.0,
            Mimic = "The treatment raises the value weight of a like from 1 to 1.2, a typical small ranking change; agreement means the whole 95 % interval lies within ± 1 %.",
        },
        new()
        {
            Id = "better-recommendations",
            Experiment = "A year of improvements to Meta's AI-driven feed and video recommendations (2024).",
            Finding = "+8 % time spent on Facebook and +6 % on Instagram over the year, by the company's account.",
            Source = "Meta Q3 2024 earnings call (M. Zuckerberg, 30 Oct 2024), as reported in the press",
            Grade = 'B',
            Scenario = "ranker-quality.yaml",
            Metric = MetricKeys.MinutesPerUser,
            Direction = 1,
            SizePct = 6,
            Mimic = "Control: a weaker ranker (5 trees of 4 leaves, 24 ranked candidates); treatment: the default one (20 trees of 8 leaves, 48 candidates). Not an experiment but a before-and-after statement, and the size of a year of model work is not a tree count: compare directions first.",
        },
        new()
        {
            Id = "fewer-viral-videos",
            Experiment = "Facebook News Feed changes showing fewer viral videos (Q4 2017).",
            Finding = "Time spent on Facebook fell by roughly 50 million hours a day, about 5 % by analysts' reading.",
            Source = "Facebook Q4 2017 earnings call (M. Zuckerberg, 31 Jan 2018)",
            Grade = 'B',
            Scenario = "no-viral-boost.yaml",
            Metric = MetricKeys.MinutesPerUser,
            Direction = -1,
            SizePct = -5,
            Mimic = "The treatment turns off the traffic pool's staged promotion of fast-rising videos and shortens the trending list tenfold (1,000 → 100). A loose mimic: Facebook also moved the freed space to friends' posts.",
        },
        new()
        {
            Id = "retention-ranker",
            Experiment = "A ranker optimised for user retention by reinforcement learning at Kuaishou (online A/B test).",
            Finding = "+0.1 % active days.",
            Source = "Cai et al., \"Reinforcing User Retention in a Billion Scale Short Video Recommender System\", arXiv 2302.01724 (WWW 2023)",
            Grade = 'A',
            Scenario = "",
            Metric = MetricKeys.DauMau,
            Direction = 1,
            SizePct = 0.1,
            Mimic = "Not simulated: the recommender core has no retention objective (its heads predict per-impression outcomes), so nothing can stand in for the treatment yet.",
        },
    ];
}
