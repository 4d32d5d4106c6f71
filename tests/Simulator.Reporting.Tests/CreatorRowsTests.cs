using Simulator.Reporting.Marketing;
using Simulator.World.Content;

namespace Simulator.Reporting.Tests;

public sealed class CreatorRowsTests
{
    [Fact]
    public void Should_LeavePersonalAccountsOutOfTiersAndTopCreators_When_TheyHaveImpressions()
    {
        // Given two creators and two personal accounts, one personal account with the most impressions
        var creators = new CreatorTable(creators: 2, reserved: 0, personal: 2);
        creators.Type[2] = creators.Type[3] = CreatorType.Personal;
        long[] impressions = [100, 50, 500, 0];
        impressions.CopyTo(creators.MeasuredImpressions, 0);

        // When the creator rows and exposure inputs are built
        var rows = MarketingMetrics.Creators(creators, c => 10, tierScale: 1e-3);
        var exposure = creators.MeasuredImpressionsWithoutPersonal();

        // Then only the two creators are counted, and shares are of their impressions alone
        Assert.Equal(2, rows.Where(r => r.Kind == "tier").Sum(r => r.Creators));
        Assert.Equal([0, 1], rows.Where(r => r.Kind == "top").Select(r => r.Creator).ToArray());
        Assert.Equal(100.0 / 150, rows.First(r => r.Kind == "top").ImpressionShare, 12);
        Assert.Equal([100L, 50L], exposure);
    }
}
