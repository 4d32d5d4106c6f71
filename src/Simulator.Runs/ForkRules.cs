using System.Text.Json;
using Simulator.Engine.Snapshots;
using Simulator.Scenarios.Model;

namespace Simulator.Runs;

/// <summary>
/// Which arms of a study may start from the baseline's settled world. A variant may change what a
/// platform decides at the fork — the recommender's configuration (weights, feed policy, diversity,
/// exploration…) and platform policies (limits, curfews, personalisation off) — because those are
/// read from the scenario when a world is built and a snapshot leaves them to the world restored.
/// It may not change who the users are, how they behave, the content supply, campaigns, the
/// duration or the seed: those made the baseline's warm-up what it was. An untrained recommender
/// is the point of its arm (no learned state) and sizes that differ (a longer served memory) would
/// not fit the saved state, so such arms warm up on their own.
/// </summary>
internal static class ForkRules
{
    /// <summary>Why <paramref name="variant"/> cannot start from <paramref name="baseline"/>'s burn-in; null when it can.</summary>
    /// <param name="baseline">The scenario whose world is forked.</param>
    /// <param name="variant">The scenario that goes on from the fork.</param>
    /// <param name="needsWarmup">A study's arms fork at the end of the warm-up, so a study without one has nothing to share; a branch may fork anywhere.</param>
    public static string? WhyNot(Scenario baseline, Scenario variant, bool needsWarmup = true)
    {
        if (needsWarmup && baseline.Duration.WarmupDays == 0)
        {
            return "the scenario has no warm-up to share";
        }

        var differs = new (string Key, object A, object B)[]
        {
            ("seed", baseline.Seed, variant.Seed),
            ("duration", baseline.Duration, variant.Duration),
            ("population", baseline.Population, variant.Population),
            ("behaviour", baseline.Behaviour, variant.Behaviour),
            ("content", baseline.Content, variant.Content),
            ("campaigns", baseline.Campaigns, variant.Campaigns),
            ("marketing", baseline.Marketing, variant.Marketing),
        }.FirstOrDefault(p => Canonical(p.A) != Canonical(p.B)).Key;
        if (differs is not null)
        {
            return $"it changes {differs}, which shaped the baseline's warm-up";
        }

        return variant.Recommender.Policy == Recommender.FeedPolicyKind.Untrained && baseline.Recommender.Policy != Recommender.FeedPolicyKind.Untrained
            ? "its recommender is untrained, so it cannot inherit the baseline's learned state"
            : null;
    }

    /// <summary>
    /// Why the variant's built state does not have the baseline's shape (a path whose arrays differ
    /// in size, e.g. a longer served memory); null when every path both have matches. Paths only one
    /// has are the feed policy's own (a fork keeps the variant's).
    /// </summary>
    public static string? ShapeDiffers(IReadOnlyList<StatePart> baseline, IReadOnlyList<StatePart> variant)
    {
        var mine = variant.ToDictionary(p => p.Path, StringComparer.Ordinal);
        var differs = baseline.FirstOrDefault(p => mine.TryGetValue(p.Path, out var v) && (v.Bytes != p.Bytes || v.LargestArray != p.LargestArray));
        return differs is null ? null : $"its configuration changes the size of {differs.Path}";
    }

    private static string Canonical(object value) => JsonSerializer.Serialize(value);
}
