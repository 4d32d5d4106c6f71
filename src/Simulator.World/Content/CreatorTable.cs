namespace Simulator.World.Content;

/// <summary>
/// Accounts that post, as struct-of-arrays. The first <see cref="CreatorCount"/> are creators, posters
/// drawn from the users; then <see cref="PersonalCount"/> small personal accounts (the other posters,
/// who post rarely and are followed by friends); the rest are reserved for campaigns (brand accounts,
/// employee advocates) and post only campaign videos. Hidden traits drive what they upload.
/// </summary>
public sealed class CreatorTable
{
    public CreatorTable(int creators, int reserved, int personal = 0)
    {
        var organic = creators + personal;
        var count = organic + reserved;
        Count = count;
        CreatorCount = creators;
        PersonalCount = personal;
        OrganicCount = organic;
        UserId = new int[count];
        Type = new CreatorType[count];
        Topic = new int[count];
        Quality = new float[count];
        Authenticity = new float[count];
        MedianLength = new float[count];
        UploadsPerDay = new float[count];
        Appeal = new float[count];
        Country = new byte[count];
        UploadCumulative = new double[count];
        FirstUploadSecond = new long[count];
        LastSeenDay = new int[count];
        Dormant = new bool[count];
        MeasuredImpressions = new long[count];
        FollowersAtStart = new int[count];
        LifetimeImpressions = new long[count];
        VideoCount = new int[count];
        Style = new Behaviour.TasteVector[count];
        DebutDay = new int[count];
        Array.Fill(DebutDay, int.MinValue);
        Array.Fill(FirstUploadSecond, long.MaxValue);
        Array.Fill(UserId, -1);
        Array.Fill(LastSeenDay, int.MinValue);
    }

    public int Count { get; }

    /// <summary>Creators: the accounts hired by campaigns, given tiers and counted in exposure metrics.</summary>
    public int CreatorCount { get; }

    /// <summary>Personal accounts, at indices from <see cref="CreatorCount"/> to <see cref="OrganicCount"/>.</summary>
    public int PersonalCount { get; }

    /// <summary>Accounts that post on their own (creators, then personal accounts); indices from here on are campaign accounts.</summary>
    public int OrganicCount { get; }

    /// <summary>Whether <paramref name="account"/> is a personal account (not a creator, not a campaign account).</summary>
    public bool IsPersonal(int account) => account >= CreatorCount && account < OrganicCount;

    /// <summary>Reported impressions of every account but the personal ones (creators, then campaign accounts): what exposure metrics measure.</summary>
    public long[] MeasuredImpressionsWithoutPersonal() =>
        [.. MeasuredImpressions.AsSpan(0, CreatorCount), .. MeasuredImpressions.AsSpan(OrganicCount)];

    /// <summary>Campaign accounts handed out so far (brand accounts, employee advocates).</summary>
    public int ReservedUsed { get; private set; }

    /// <summary>The user behind the account (−1 for brand accounts).</summary>
    public int[] UserId { get; }

    public CreatorType[] Type { get; }

    /// <summary>Main topic specialty.</summary>
    public int[] Topic { get; }

    /// <summary>The creator's style: the taste its videos stay close to (hidden).</summary>
    public Behaviour.TasteVector[] Style { get; }

    /// <summary>Mean production quality in [0, 1].</summary>
    public float[] Quality { get; }

    /// <summary>How authentic the creator's videos feel, 0–1.</summary>
    public float[] Authenticity { get; }

    /// <summary>Median length of this creator's videos, seconds.</summary>
    public float[] MedianLength { get; }

    public float[] UploadsPerDay { get; }

    /// <summary>How strongly the creator draws follows before the run (log-normal, heavy-tailed).</summary>
    public float[] Appeal { get; }

    public byte[] Country { get; }

    /// <summary>Cumulative upload rates of posting creators, for choosing the uploader of each new video.</summary>
    public double[] UploadCumulative { get; }

    /// <summary>Second of the creator's first upload; <see cref="long.MaxValue"/> until then.</summary>
    public long[] FirstUploadSecond { get; }

    /// <summary>Last day one of the creator's videos was shown.</summary>
    public int[] LastSeenDay { get; }

    /// <summary>Stopped posting after going unseen too long (content.dormant_after_days).</summary>
    public bool[] Dormant { get; }

    /// <summary>Impressions of the creator's videos on reported days (warm-up excluded).</summary>
    public long[] MeasuredImpressions { get; }

    /// <summary>Impressions of the creator's videos since the catalogue began (warm-up included): what a brand sees as average views.</summary>
    public long[] LifetimeImpressions { get; }

    /// <summary>Videos the creator has posted.</summary>
    public int[] VideoCount { get; }

    /// <summary>Average impressions per video so far (0 before any view).</summary>
    public double AverageViews(int creator) => VideoCount[creator] == 0 ? 0 : (double)LifetimeImpressions[creator] / VideoCount[creator];

    /// <summary>Followers when the reported days began (for follower growth by tier).</summary>
    public int[] FollowersAtStart { get; }

    public double TotalUploadsPerDay => OrganicCount == 0 ? 0 : UploadCumulative[OrganicCount - 1];

    /// <summary>Reported day on which a newcomer starts posting (content.new_creator_share); <see cref="int.MinValue"/> for creators active from the start.</summary>
    public int[] DebutDay { get; }

    /// <summary>The day the upload rates were last built for.</summary>
    public int RatesDay { get; private set; } = int.MinValue;

    /// <summary>The earliest debut day still to come (<see cref="int.MaxValue"/> when none).</summary>
    public int NextDebutDay { get; private set; } = int.MaxValue;

    /// <summary>Whether <paramref name="creator"/> is a newcomer who has not reached its debut day by <paramref name="day"/>.</summary>
    public bool NotYetDebuted(int creator, int day) => DebutDay[creator] > day;

    /// <summary>Uploads per day once every newcomer has debuted (capacity planning).</summary>
    public double FullUploadsPerDay
    {
        get
        {
            double sum = 0;
            for (var c = 0; c < OrganicCount; c++)
            {
                sum += UploadsPerDay[c];
            }

            return sum;
        }
    }

    /// <summary>True when the creator first posted at or after <paramref name="second"/> (a debut during the run).</summary>
    public bool DebutedAtOrAfter(int creator, long second) => FirstUploadSecond[creator] >= second && FirstUploadSecond[creator] != long.MaxValue;

    /// <summary>Hands out the next reserved campaign account.</summary>
    public int Reserve(CreatorType type, int userId, int topic, float quality, float authenticity, float medianLength, byte country)
    {
        if (OrganicCount + ReservedUsed >= Count)
        {
            throw new InvalidOperationException("No reserved creator accounts left.");
        }

        var c = OrganicCount + ReservedUsed++;
        Type[c] = type;
        UserId[c] = userId;
        Topic[c] = topic;
        Quality[c] = quality;
        Authenticity[c] = authenticity;
        MedianLength[c] = medianLength;
        Country[c] = country;
        return c;
    }

    /// <summary>Rebuilds the cumulative upload rates for <paramref name="day"/>, leaving out dormant creators and newcomers before their debut day.</summary>
    public void RebuildUploadRates(int day = int.MinValue)
    {
        RatesDay = day;
        NextDebutDay = int.MaxValue;
        double acc = 0;
        for (var c = 0; c < OrganicCount; c++)
        {
            var waiting = NotYetDebuted(c, day);
            acc += Dormant[c] || waiting ? 0 : UploadsPerDay[c];
            if (waiting)
            {
                NextDebutDay = Math.Min(NextDebutDay, DebutDay[c]);
            }

            UploadCumulative[c] = acc;
        }
    }
}
