namespace Simulator.World.Content;

/// <summary>Creators as struct-of-arrays. Hidden traits drive what they upload.</summary>
public sealed class CreatorTable
{
    public CreatorTable(int count)
    {
        Count = count;
        Topic = new int[count];
        Quality = new float[count];
        Authenticity = new float[count];
        MedianLength = new float[count];
        UploadsPerDay = new float[count];
        Country = new byte[count];
        UploadCumulative = new double[count];
        FirstUploadSecond = new long[count];
        MeasuredImpressions = new long[count];
        Array.Fill(FirstUploadSecond, long.MaxValue);
    }

    public int Count { get; }

    /// <summary>Main topic specialty.</summary>
    public int[] Topic { get; }

    /// <summary>Mean production quality in [0, 1].</summary>
    public float[] Quality { get; }

    /// <summary>How authentic the creator's videos feel, 0–1.</summary>
    public float[] Authenticity { get; }

    /// <summary>Median length of this creator's videos, seconds.</summary>
    public float[] MedianLength { get; }

    public float[] UploadsPerDay { get; }

    public byte[] Country { get; }

    /// <summary>Cumulative upload rates, for choosing the uploader of each new video.</summary>
    public double[] UploadCumulative { get; }

    /// <summary>Second of the creator's first upload; <see cref="long.MaxValue"/> until then.</summary>
    public long[] FirstUploadSecond { get; }

    /// <summary>Impressions of the creator's videos on reported days (warm-up excluded).</summary>
    public long[] MeasuredImpressions { get; }

    /// <summary>True when the creator first posted at or after <paramref name="second"/> (a debut during the run).</summary>
    public bool DebutedAtOrAfter(int creator, long second) => FirstUploadSecond[creator] >= second && FirstUploadSecond[creator] != long.MaxValue;

    public double TotalUploadsPerDay => Count == 0 ? 0 : UploadCumulative[^1];
}
