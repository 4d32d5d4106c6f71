using Simulator.World.Marketing;
using Simulator.World.Population;

namespace Simulator.Reporting.Marketing;

/// <summary>A campaign's brand-affinity lift, read from the ledger's per-user affinity and reach at the end of a run.</summary>
public static class AffinityLift
{
    /// <summary>
    /// The brand-affinity lift of campaign <paramref name="c"/>: mean "would consider the brand"
    /// probability among users who saw it minus among those who did not, over users active
    /// during the campaign. The probability rises with interest in the category and the affinity
    /// the impressions built. Exposure is not randomised (no holdout), so targeting that picks
    /// interested users also shows up in the lift; compare formats on the same target.
    /// </summary>
    public static double Of(CampaignBook book, int c, UserTable users)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(users);
        var campaign = book.Campaigns[c];
        var k = users.Topics;
        var startDay = campaign.Options.StartDay;
        double exposed = 0, unexposed = 0;
        long ne = 0, nu = 0;
        for (var u = 0; u < users.Count; u++)
        {
            if (users.Activity.LastActiveDay[u] < startDay)
            {
                continue;
            }

            var interest = Math.Max(1e-4, users.Persona.Interest[(u * k) + (campaign.Options.Product.Category % k)] * k);
            var p = 1.0 / (1.0 + Math.Exp(-(-1.0 + Math.Log(interest) + book.Affinity[(u * book.Campaigns.Count) + c])));
            if ((book.Reached[u] & (1UL << c)) != 0)
            {
                exposed += p;
                ne++;
            }
            else
            {
                unexposed += p;
                nu++;
            }
        }

        return ne == 0 || nu == 0 ? double.NaN : (exposed / ne) - (unexposed / nu);
    }
}
