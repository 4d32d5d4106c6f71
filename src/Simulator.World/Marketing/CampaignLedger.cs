using Simulator.World.Content;

namespace Simulator.World.Marketing;

/// <summary>Integer counters per campaign × tier × <see cref="LedgerField"/>, in one flat array.</summary>
public sealed class CampaignLedger(int campaigns)
{
    public const int Tiers = 5;
    private const int Fields = (int)LedgerField.Count;

    public int Campaigns { get; } = campaigns;

    public long[] Counts { get; } = new long[campaigns * Tiers * Fields];

    public static int Index(int campaign, CreatorTier tier, LedgerField field) => (((campaign * Tiers) + (int)tier) * Fields) + (int)field;

    public ref long this[int campaign, CreatorTier tier, LedgerField field] => ref Counts[Index(campaign, tier, field)];

    /// <summary>A field summed over tiers.</summary>
    public long Total(int campaign, LedgerField field)
    {
        long sum = 0;
        for (var t = 0; t < Tiers; t++)
        {
            sum += Counts[Index(campaign, (CreatorTier)t, field)];
        }

        return sum;
    }

    public void Add(long[] other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < Counts.Length; i++)
        {
            Counts[i] += other[i];
        }
    }
}
