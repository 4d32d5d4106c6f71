using Parquet;
using Parquet.Schema;
using Recommender.Abstractions;
using Simulator.World.Content;
using Simulator.World.Population;
using Simulator.World.Simulation;

namespace Simulator.Reporting.Logging;

/// <summary>
/// Writes the impression log of a run as one Parquet file (<c>--log-impressions</c>): one row
/// per impression with the viewer's public segment (generation, country, device, teen), the
/// video's topic, hashtags (up to three; −1 where a video has fewer), length and creator, watch
/// time and reactions. Negative video ids are ad-slot
/// videos (paid placements, live streams, subscriber drops) that never enter the ranker's catalogue. Rows are buffered in columns
/// and flushed as row groups of <see cref="RowGroupSize"/>, so memory stays flat however long
/// the run. Read it with pandas, Polars or DuckDB (<c>SELECT * FROM 'impressions.parquet'</c>).
/// </summary>
public sealed class ImpressionLog : IDisposable
{
    public const int RowGroupSize = 262_144;

    private static readonly ParquetSchema Schema = new(
        new DataField<int>("replication"),
        new DataField<int>("day"),
        new DataField<long>("second"),
        new DataField<int>("user"),
        new DataField<string>("generation"),
        new DataField<string>("country"),
        new DataField<string>("device"),
        new DataField<bool>("teen"),
        new DataField<int>("video"),
        new DataField<int>("creator"),
        new DataField<int>("topic"),
        new DataField<int>("hashtag_1"),
        new DataField<int>("hashtag_2"),
        new DataField<int>("hashtag_3"),
        new DataField<float>("video_seconds"),
        new DataField<float>("watch_seconds"),
        new DataField<bool>("finished"),
        new DataField<bool>("liked"),
        new DataField<bool>("commented"),
        new DataField<bool>("shared"),
        new DataField<bool>("followed"),
        new DataField<bool>("not_interested"));

    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly int[] _replication = new int[RowGroupSize];
    private readonly int[] _day = new int[RowGroupSize];
    private readonly long[] _second = new long[RowGroupSize];
    private readonly int[] _user = new int[RowGroupSize];
    private readonly string[] _generation = new string[RowGroupSize];
    private readonly string[] _country = new string[RowGroupSize];
    private readonly string[] _device = new string[RowGroupSize];
    private readonly bool[] _teen = new bool[RowGroupSize];
    private readonly int[] _video = new int[RowGroupSize];
    private readonly int[] _creator = new int[RowGroupSize];
    private readonly int[] _topic = new int[RowGroupSize];
    private readonly int[][] _hashtags = [new int[RowGroupSize], new int[RowGroupSize], new int[RowGroupSize]];
    private readonly float[] _length = new float[RowGroupSize];
    private readonly float[] _watch = new float[RowGroupSize];
    private readonly bool[][] _reactions = [new bool[RowGroupSize], new bool[RowGroupSize], new bool[RowGroupSize], new bool[RowGroupSize], new bool[RowGroupSize], new bool[RowGroupSize]];
    private static readonly Reactions[] ReactionFlags = [Reactions.Finished, Reactions.Liked, Reactions.Commented, Reactions.Shared, Reactions.Followed, Reactions.NotInterested];
    private int _count;

    public ImpressionLog(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        _stream = File.Create(path);
        _writer = ParquetWriter.CreateAsync(Schema, _stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }).GetAwaiter().GetResult();
    }

    public string Path { get; }

    public long Rows { get; private set; }

    /// <summary>A sink that logs a world's impressions (read with its users and content) as replication <paramref name="replication"/>.</summary>
    public IImpressionSink For(UserTable users, ContentSupply content, int replication) => new Sink(this, users, content, replication);

    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }

    private void Add(UserTable users, ContentSupply content, int replication, int day, ReadOnlySpan<ImpressionFeedback> impressions)
    {
        foreach (ref readonly var f in impressions)
        {
            var i = _count;
            var u = f.UserId;
            _replication[i] = replication;
            _day[i] = day;
            _second[i] = f.NowSecond;
            _user[i] = u;
            _generation[i] = Generations.Keys[(int)users.Persona.Generation[u]];
            _country[i] = Countries.Codes[users.Persona.Country[u]];
            _device[i] = Devices.Keys[(int)users.Persona.Device[u]];
            _teen[i] = users.Persona.IsTeen[u];
            _video[i] = f.VideoId;
            _creator[i] = content.CreatorOf(f.VideoId);
            _topic[i] = content.TopicOf(f.VideoId);
            var tags = content.HashtagsOf(f.VideoId);
            for (var h = 0; h < _hashtags.Length; h++)
            {
                _hashtags[h][i] = h < tags.Count ? tags[h] : -1;
            }

            _length[i] = content.LengthOf(f.VideoId);
            _watch[i] = f.WatchSeconds;
            for (var r = 0; r < ReactionFlags.Length; r++)
            {
                _reactions[r][i] = (f.Reactions & ReactionFlags[r]) != 0;
            }

            if (++_count == RowGroupSize)
            {
                Flush();
            }
        }
    }

    private void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        var n = _count;
        using var group = _writer.CreateRowGroup();
        var f = Schema.DataFields;
        ParquetColumns.Write(group, f[0], _replication, n);
        ParquetColumns.Write(group, f[1], _day, n);
        ParquetColumns.Write(group, f[2], _second, n);
        ParquetColumns.Write(group, f[3], _user, n);
        group.WriteAsync(f[4], _generation[..n]).GetAwaiter().GetResult();
        group.WriteAsync(f[5], _country[..n]).GetAwaiter().GetResult();
        group.WriteAsync(f[6], _device[..n]).GetAwaiter().GetResult();
        ParquetColumns.Write(group, f[7], _teen, n);
        ParquetColumns.Write(group, f[8], _video, n);
        ParquetColumns.Write(group, f[9], _creator, n);
        ParquetColumns.Write(group, f[10], _topic, n);
        for (var h = 0; h < _hashtags.Length; h++)
        {
            ParquetColumns.Write(group, f[11 + h], _hashtags[h], n);
        }

        ParquetColumns.Write(group, f[14], _length, n);
        ParquetColumns.Write(group, f[15], _watch, n);
        for (var r = 0; r < _reactions.Length; r++)
        {
            ParquetColumns.Write(group, f[16 + r], _reactions[r], n);
        }

        Rows += n;
        _count = 0;
    }

    private sealed class Sink(ImpressionLog log, UserTable users, ContentSupply content, int replication) : IImpressionSink
    {
        public void OnImpressions(int day, ReadOnlySpan<ImpressionFeedback> impressions) => log.Add(users, content, replication, day, impressions);
    }
}
