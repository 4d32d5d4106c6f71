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

    public double TotalUploadsPerDay => Count == 0 ? 0 : UploadCumulative[^1];
}
