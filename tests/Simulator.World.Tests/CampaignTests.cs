using Simulator.World.Content;
using Simulator.World.Marketing;
using Simulator.World.Population;
using Simulator.World.Simulation;

namespace Simulator.World.Tests;

/// <summary>Each campaign mechanism moves its outcome in the documented direction (common random numbers).</summary>
public sealed class CampaignTests
{
    private static CampaignBook Run(CampaignOptions campaign, int users = 3000, int days = 3, TraitOptions? traits = null)
    {
        var settings = WorldFixtures.Small(users, days) with { Campaigns = [campaign] };
        if (traits is not null)
        {
            settings = settings with { Population = settings.Population with { Traits = traits } };
        }

        using var world = new SimulationWorld(settings);
        world.Loop.RunUntil(world.EndTick);
        return world.Campaigns!;
    }

    private static double Rate(CampaignBook b, LedgerField num, LedgerField den) => (double)b.Ledger.Total(0, num) / b.Ledger.Total(0, den);

    [Fact]
    public void Should_LowerEngagement_When_DisclosedToAuthenticitySeekers()
    {
        // Given viewers who value authenticity highly, and the same sponsored campaign with and without the label
        var traits = new TraitOptions { AuthenticityPreference = 0.85 };
        var campaign = new CampaignOptions { Name = "c", Budget = 1e7, Tiers = new() { ["micro"] = 0.5, ["mid"] = 0.5 }, Format = CampaignFormat.Sponsored, PostsPerCreator = 3 };

        var labelled = Run(campaign with { Disclosure = true }, traits: traits);
        var unlabelled = Run(campaign with { Disclosure = false }, traits: traits);

        // Then engagement per impression is lower with the label
        var withLabel = Rate(labelled, LedgerField.Engagements, LedgerField.Impressions);
        var without = Rate(unlabelled, LedgerField.Engagements, LedgerField.Impressions);
        Assert.True(labelled.Ledger.Total(0, LedgerField.Impressions) > 500, "too few impressions to compare");
        Assert.True(withLabel < without, $"labelled {withLabel:P2} vs unlabelled {without:P2}");
    }

    [Fact]
    public void Should_BeatUntargetedOnCpa_When_TargetedByInterest()
    {
        // Given the same paid UGC ad budget, shown to everyone or to users whose logs show interest in the category
        // (buyers are made keener than by default so that a small world yields enough sales)
        var campaign = new CampaignOptions { Name = "c", Budget = 5e6, Tiers = new() { ["micro"] = 0.5, ["mid"] = 0.5 }, Format = CampaignFormat.UgcAd, CreatorTypes = [CreatorType.Ugc, CreatorType.Amateur], Days = 2, StartDay = 1, Product = new ProductOptions { Category = 3, Price = 10 } };
        var keen = new TraitOptions { PurchasePropensity = 0.7 };

        var everyone = Run(campaign, users: 5000, traits: keen);
        var targeted = Run(campaign with { Target = new TargetOptions { InterestedOnly = true } }, users: 5000, traits: keen);

        double Cpa(CampaignBook b) => (double)b.Ledger.Total(0, LedgerField.SpendMicros) / b.Ledger.Total(0, LedgerField.Conversions);
        Assert.True(targeted.Ledger.Total(0, LedgerField.Conversions) > 10 && everyone.Ledger.Total(0, LedgerField.Conversions) > 10, $"too few conversions to compare: {targeted.Ledger.Total(0, LedgerField.Conversions)} of {targeted.Ledger.Total(0, LedgerField.Impressions)}, {everyone.Ledger.Total(0, LedgerField.Conversions)} of {everyone.Ledger.Total(0, LedgerField.Impressions)}");
        Assert.True(Cpa(targeted) < Cpa(everyone), $"targeted CPA {Cpa(targeted) / 1e6:F4} vs untargeted {Cpa(everyone) / 1e6:F4}");
    }

    [Fact]
    public void Should_ConvertMorePerViewer_When_LiveOfferIsUrgent()
    {
        // Given the same live-shopping event with and without a time-limited offer
        var campaign = new CampaignOptions { Name = "c", Budget = 5e6, Tiers = new() { ["micro"] = 1.0 }, Format = CampaignFormat.LiveShopping, Days = 2, Live = new LiveOptions { Hour = 0, Minutes = 1440 } };

        var urgent = Run(campaign with { Live = campaign.Live with { Urgency = 1.5 } });
        var calm = Run(campaign with { Live = campaign.Live with { Urgency = 0 } });

        var u = Rate(urgent, LedgerField.LiveConversions, LedgerField.LiveViewers);
        var c = Rate(calm, LedgerField.LiveConversions, LedgerField.LiveViewers);
        Assert.True(urgent.Ledger.Total(0, LedgerField.LiveViewers) > 200, "too few viewers");
        Assert.True(u > c, $"urgent {u:P2} vs calm {c:P2} conversions per viewer");
    }

    [Fact]
    public void Should_StopServing_When_BudgetIsSpent()
    {
        // Given a paid campaign whose budget buys far fewer impressions than its audience could take (3,000 users, about a third active a day)
        // (micro: a 3,000-user world's creators are followed by a large share of it, so it holds almost no nano creators)
        var campaign = new CampaignOptions { Name = "c", Budget = 10_000, Tiers = new() { ["micro"] = 1.0 }, Format = CampaignFormat.UgcAd, Days = 3 };
        var rich = Run(campaign with { Budget = 1e8 });
        var poor = Run(campaign);

        // Then it spends its (scaled) budget, overshooting by at most one tick of impressions, and serves far less
        var c = poor.Campaigns[0];
        Assert.True(c.SpentMicros >= c.BudgetMicros * 0.95, $"spent {c.SpentMicros} of {c.BudgetMicros}");
        Assert.True(c.SpentMicros <= c.BudgetMicros * 1.05, $"overspent {c.SpentMicros} of {c.BudgetMicros}");
        Assert.False(c.Serving);
        Assert.True(poor.Ledger.Total(0, LedgerField.Impressions) * 3 < rich.Ledger.Total(0, LedgerField.Impressions));
    }

    [Fact]
    public void Should_EngageMoreFollowersOfSmallCreators_When_SameCampaignSplitByTier()
    {
        // Given sponsored posts by nano/micro creators and by mid/macro/mega creators
        var small = Run(new CampaignOptions { Name = "c", Budget = 1e8, Tiers = new() { ["nano"] = 0.5, ["micro"] = 0.5 }, PostsPerCreator = 2 }, users: 5000);
        var large = Run(new CampaignOptions { Name = "c", Budget = 1e8, Tiers = new() { ["mid"] = 0.4, ["macro"] = 0.3, ["mega"] = 0.3 }, PostsPerCreator = 2 }, users: 5000);

        // Then engagement per follower is higher for the small creators (HypeAuditor's per-follower
        // tiers, CALIBRATION.md §4): the ranker does not distribute by follower count, so big
        // accounts' posts reach a small share of their followers
        var s = Rate(small, LedgerField.Engagements, LedgerField.FollowersAtHire);
        var l = Rate(large, LedgerField.Engagements, LedgerField.FollowersAtHire);
        Assert.True(s > l, $"nano/micro {s:P3} vs mid+ {l:P3} engagements per follower");
    }

    [Fact]
    public void Should_PostOnlyToFollowers_When_SubscriberDrop()
    {
        var book = Run(new CampaignOptions { Name = "c", Budget = 1e7, Tiers = new() { ["micro"] = 1.0 }, Format = CampaignFormat.SubscriberDrop, Days = 2 });
        Assert.True(book.Ledger.Total(0, LedgerField.Impressions) > 0);
        Assert.Equal(0, book.Ledger.Total(0, LedgerField.SpendMicros) - book.Campaigns[0].SpentMicros);
    }

    [Fact]
    public void Should_GiveIdenticalLedgers_When_RunOnOneOrTwoThreads()
    {
        // Given every format at once, with paid placements, pacing and a live window
        List<CampaignOptions> campaigns =
        [
            new() { Name = "s", Budget = 1e6, Tiers = new() { ["micro"] = 1.0 }, Days = 2 },
            new() { Name = "u", Budget = 1e5, Tiers = new() { ["nano"] = 0.5, ["micro"] = 0.5 }, Format = CampaignFormat.UgcAd, CreatorTypes = [CreatorType.Ugc, CreatorType.Amateur], Days = 2 },
            new() { Name = "l", Budget = 1e6, Tiers = new() { ["micro"] = 1.0 }, Format = CampaignFormat.LiveShopping, Days = 2, Live = new LiveOptions { Hour = 6, Minutes = 600 } },
            new() { Name = "d", Budget = 1e6, Tiers = new() { ["micro"] = 1.0 }, Format = CampaignFormat.SubscriberDrop, Days = 2 },
            new() { Name = "e", Budget = 1e6, Format = CampaignFormat.EmployeeAdvocacy, Advocates = 10, Days = 2 },
        ];
        long[] Ledger(int threads)
        {
            var settings = WorldFixtures.Small(2000, 2, threads: threads, chunkSize: 128) with { Campaigns = campaigns };
            using var world = new SimulationWorld(settings);
            world.Loop.RunUntil(world.EndTick);
            return [.. world.Campaigns!.Ledger.Counts, .. world.Campaigns.Campaigns.Select(c => c.SpentMicros)];
        }

        var one = Ledger(1);
        var two = Ledger(2);

        Assert.Equal(one, two);
        Assert.True(one.Take(one.Length - 5).Sum() > 0);
    }
}
