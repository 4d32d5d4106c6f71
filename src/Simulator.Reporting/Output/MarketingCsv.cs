using System.Globalization;
using CsvHelper;
using Simulator.Reporting.Results;

namespace Simulator.Reporting.Output;

/// <summary>campaigns.csv and creators.csv (DESIGN.md §7).</summary>
internal static class MarketingCsv
{
    public static void WriteCampaigns(string path, RunResult run)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        CsvFormat.Header(
            csv,
            "replication", "campaign", "format", "tier", "creators", "posts", "spend", "impressions", "reach", "frequency",
            "engagements", "engagement_rate", "engagement_rate_followers", "follows", "conversions", "revenue", "cpm", "cpe", "cpa", "roas");
        foreach (var rep in run.Replications)
        {
            foreach (var r in rep.Campaigns)
            {
                csv.WriteField(rep.Index);
                csv.WriteField(r.Campaign);
                csv.WriteField(r.Format);
                csv.WriteField(r.Tier);
                csv.WriteField(r.Creators);
                csv.WriteField(r.Posts);
                csv.WriteField(CsvFormat.Number(r.Spend));
                csv.WriteField(r.Impressions);
                csv.WriteField(r.Reach);
                csv.WriteField(CsvFormat.Number(r.Frequency));
                csv.WriteField(r.Engagements);
                csv.WriteField(CsvFormat.Number(r.EngagementRate));
                csv.WriteField(CsvFormat.Number(r.EngagementRateFollowers));
                csv.WriteField(r.Follows);
                csv.WriteField(r.Conversions);
                csv.WriteField(CsvFormat.Number(r.Revenue));
                csv.WriteField(CsvFormat.Number(r.Cpm));
                csv.WriteField(CsvFormat.Number(r.Cpe));
                csv.WriteField(CsvFormat.Number(r.Cpa));
                csv.WriteField(CsvFormat.Number(r.Roas));
                csv.NextRecord();
            }
        }
    }

    public static void WriteCreators(string path, RunResult run)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        CsvFormat.Header(csv, "replication", "kind", "tier", "creator", "type", "creators", "followers_start", "followers_end", "follower_growth", "impressions", "impression_share");
        foreach (var rep in run.Replications)
        {
            foreach (var r in rep.Creators)
            {
                csv.WriteField(rep.Index);
                csv.WriteField(r.Kind);
                csv.WriteField(r.Tier);
                csv.WriteField(r.Creator);
                csv.WriteField(r.Type);
                csv.WriteField(r.Creators);
                csv.WriteField(r.FollowersStart);
                csv.WriteField(r.FollowersEnd);
                csv.WriteField(CsvFormat.Number(r.FollowerGrowth));
                csv.WriteField(r.Impressions);
                csv.WriteField(CsvFormat.Number(r.ImpressionShare));
                csv.NextRecord();
            }
        }
    }
}
