using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Simulator.World.Content;

/// <summary>Content supply: how many creators, how big the starting catalogue, how fast uploads come.</summary>
[ImmutableObject(true)]
public sealed record ContentOptions
{
    /// <summary>Creators per 1,000 users (CALIBRATION.md §3: about half of adult users never post; most who post, rarely).</summary>
    [Description("Active creators per 1,000 users.")]
    [Range(0.1, 1000.0)]
    public double CreatorsPerThousandUsers { get; init; } = 20;

    /// <summary>Smallest audience whose creators supply the catalogue: the simulated users are a sample of the platform's, the catalogue is the platform's.</summary>
    [Description("The simulated users are a sample of a platform's audience, but the catalogue they draw from is the platform's: below this many users the world keeps the creators (and so the starting catalogue and the uploads per day) of a world of this many users, the extra ones being creators outside the sample (no user account, country drawn from population.countries). A feed remembers about 1,150 served videos per user and never repeats them, so a catalogue that shrinks with the sample runs dry: at 1,000 users the feed filled 2.46 of its 8 slots per request, at 5,000 7.80, at 10,000 7.99 (0: creators always scale with the users).")]
    [Range(0, 20_000_000)]
    public int CatalogueMinUsers { get; init; } = 10_000;

    /// <summary>Videos already in the catalogue at the start, per creator.</summary>
    [Description("Videos in the catalogue at the start, per creator (uploaded over the preceding week).")]
    [Range(0.0, 1000.0)]
    public double InitialVideosPerCreator { get; init; } = 10;

    /// <summary>Median uploads per creator per day.</summary>
    [Description("Median uploads per creator per day; rates are heavy-tailed so the top quarter of posters make most videos (Pew, CALIBRATION.md §3).")]
    [Range(0.0, 100.0)]
    public double UploadsPerCreatorPerDay { get; init; } = 0.3;

    /// <summary>Share of organic creators who start posting during the run.</summary>
    [Description("Share of organic creators who start posting during the run: each has no videos and no followers before a debut day drawn uniformly over the reported days, then uploads at its own rate. 0 = every creator posts from the start (a few still debut late by chance). Not published; a lever for cold-start studies.")]
    [Range(0.0, 1.0)]
    public double NewCreatorShare { get; init; }

    /// <summary>Share of creator types among organic creators.</summary>
    [Description("Share of organic creators by type (amateur, professional, ugc); must sum to 1. Professionals are polished and less authentic, amateurs the reverse, UGC creators in between (Realeyes UGC 5.2 vs brand 4.8 vs TV-style 3.1, CALIBRATION.md §4).")]
    [Simulator.World.Schema.Shares("amateur", "professional", "ugc")]
    public Dictionary<string, double> CreatorTypes { get; init; } = new() { ["amateur"] = 0.7, ["professional"] = 0.15, ["ugc"] = 0.15 };

    /// <summary>Median accounts followed (Pew 2024: 144, CALIBRATION.md §3).</summary>
    [Description("Median number of accounts a user already follows at the start (Pew 2024, 664 US adults' public lists: 144). With follows_p10 and follows_p90 it sets a two-piece log-normal of follow counts, capped at TikTok's 10,000. Users who install during the run start with none.")]
    [Range(0.0, 10_000.0)]
    public double FollowsMedian { get; init; } = 144;

    /// <summary>Tenth percentile of accounts followed (Pew 2024: 10 % follow fewer than 5).</summary>
    [Description("Tenth percentile of accounts followed at the start (Pew 2024: 10 % of users follow fewer than 5); sets the lower half's spread. Must not exceed follows_median.")]
    [Range(0.0, 10_000.0)]
    public double FollowsP10 { get; init; } = 5;

    /// <summary>Ninetieth percentile of accounts followed (Pew 2024: 10 % follow more than 1,000).</summary>
    [Description("Ninetieth percentile of accounts followed at the start (Pew 2024: 10 % of users follow more than 1,000); sets the upper half's spread. Must not be below follows_median.")]
    [Range(0.0, 10_000.0)]
    public double FollowsP90 { get; init; } = 1_000;

    /// <summary>Share of follows that go to small personal accounts (Pew 2024: 38 %).</summary>
    [Description("Share of each user's follows that go to small personal accounts (Pew 2024: 38 % of followed accounts have under 5,000 followers, mostly personal accounts that post rarely if ever): friends, drawn among the personal accounts of the user's friend circle (content.friend_circle_users). The rest go to creators.")]
    [Range(0.0, 1.0)]
    public double PersonalFollowShare { get; init; } = 0.38;

    /// <summary>Share of organic uploads made by personal accounts (Pew: the bottom three quarters of posters make 2 % of videos).</summary>
    [Description("Share of organic uploads made by personal accounts: posters who are not creators and were there at the start each own one, all posting at one rate that gives this share (Pew: the top 25 % of posters make 98 % of videos, so the rest make 2 %; ≈ 0.001 videos a day per account at the default creator density).")]
    [Range(0.0, 0.5)]
    public double PersonalUploadShare { get; init; } = 0.02;

    /// <summary>Users per friend circle: friends are followed inside it.</summary>
    [Description("Users per friend circle. Users are grouped by country and generation, then cut into circles of about this many; a user's follows of personal accounts (content.personal_follow_share) go to the personal accounts of their own circle. Not published: the default lets a circle's posters (about half its users) hold Pew's 90th percentile of personal follows (0.38 × 1,000 = 380); a user who wants more follows every personal account of the circle. State per user grows with it (one bit per personal account of the circle).")]
    [Range(2, 100_000)]
    public int FriendCircleUsers { get; init; } = 1_000;

    /// <summary>Population at which campaign money holds as published (and tiers, in a world without follows).</summary>
    [Description("Population at which campaign budgets, post prices and advocate stipends hold as published; they scale with population / this. Also the tier thresholds' scale when no user follows anyone (otherwise the thresholds come from the follow graph: see creators in the docs).")]
    [Range(1_000.0, 2e9)]
    public double TierReferenceUsers { get; init; } = 5_000_000;

    /// <summary>Days unseen after which a creator stops posting.</summary>
    [Description("A creator whose videos go unseen for this many days stops posting (documented creator churn; 0 = never).")]
    [Range(0, 3650)]
    public int DormantAfterDays { get; init; } = 14;

    /// <summary>Median video length, seconds.</summary>
    [Description("Median video length in seconds across creators.")]
    [Range(3.0, 3600.0)]
    public double MedianLengthSeconds { get; init; } = 30;

    /// <summary>Hashtags per topic in the vocabulary.</summary>
    [Description("Hashtags per topic that uploaders choose from; each video carries 1–3 of its topic's tags (chosen to match the video's hidden taste), sometimes a general tag, and a campaign's brand tag when sponsored.")]
    [Range(1, 1000)]
    public int HashtagsPerTopic { get; init; } = 24;

    /// <summary>How closely hashtags follow a video's taste.</summary>
    [Description("Focus κ of hashtag choice: a tag is picked with weight exp(κ·cos(tag direction, video taste)); 0 makes hashtags carry no taste information.")]
    [Range(0.0, 50.0)]
    public double HashtagFocus { get; init; } = 6;

    /// <summary>Pull of each video's taste toward its creator's style.</summary>
    [Description("How close each video's hidden taste vector stays to its creator's style (0 = independent of the creator, 1 = identical); a creator's videos appeal to the same viewers.")]
    [Range(0.0, 1.0)]
    public double StyleConsistency { get; init; } = 0.8;
}
