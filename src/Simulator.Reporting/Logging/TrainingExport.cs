using Parquet;
using Parquet.Schema;
using Recommender.Abstractions;
using Recommender.Ranking;

namespace Simulator.Reporting.Logging;

/// <summary>
/// Writes the rows the recommender core learns from (<c>simulator export-training</c>) as one
/// Parquet file: per logged impression the replication, day, second, user and video ids, the
/// feature contract's columns by name, one boolean label per probability output
/// (<c>label_finish</c>, …) and the raw outcome (watch and video seconds, the slot's propensity).
/// Buffered in columns and flushed as row groups, so memory stays flat however long the run.
/// </summary>
public sealed class TrainingExport : IDisposable
{
    public const int RowGroupSize = 262_144;
    private const int Fixed = 5;

    private readonly ParquetSchema _schema;
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly int[] _replication = new int[RowGroupSize];
    private readonly int[] _day = new int[RowGroupSize];
    private readonly long[] _second = new long[RowGroupSize];
    private readonly int[] _user = new int[RowGroupSize];
    private readonly int[] _video = new int[RowGroupSize];
    private readonly float[][] _features;
    private readonly bool[][] _labels;
    private readonly float[] _watch = new float[RowGroupSize];
    private readonly float[] _length = new float[RowGroupSize];
    private readonly float[] _propensity = new float[RowGroupSize];
    private readonly int _heads;
    private int _count;
    private bool _closed;

    public TrainingExport(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var features = FeatureContract.Features;
        var heads = FeatureContract.Outputs.Where(o => o.Name != FeatureContract.WatchSecondsName).ToList();
        _heads = heads.Count;
        var fields = new List<Field>
        {
            new DataField<int>("replication"), new DataField<int>("day"), new DataField<long>("second"), new DataField<int>("user"), new DataField<int>("video"),
        };
        fields.AddRange(features.Select(f => new DataField<float>(f.Name)));
        fields.AddRange(heads.Select(h => new DataField<bool>("label_" + h.Name)));
        fields.Add(new DataField<float>("watch_seconds"));
        fields.Add(new DataField<float>("video_seconds"));
        fields.Add(new DataField<float>("propensity"));
        _schema = new ParquetSchema(fields);
        _features = [.. features.Select(_ => new float[RowGroupSize])];
        _labels = [.. heads.Select(_ => new bool[RowGroupSize])];
        _stream = stream;
        _writer = ParquetWriter.CreateAsync(_schema, _stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }).GetAwaiter().GetResult();
    }

    public long Rows { get; private set; }

    /// <summary>A sink for the core of replication <paramref name="replication"/> that keeps the rows of day <paramref name="fromDay"/> on (day 0 starts at simulation second 0; warm-up days are negative).</summary>
    public ITrainingSink For(int replication, int fromDay = int.MinValue) => new Sink(this, replication, fromDay);

    /// <summary>Writes the last row group and the file's footer; once.</summary>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private void Add(int replication, int fromDay, in TrainingExample e)
    {
        var day = (int)Math.Floor(e.Second / 86_400.0);
        if (day < fromDay)
        {
            return;
        }

        var i = _count;
        _replication[i] = replication;
        _day[i] = day;
        _second[i] = e.Second;
        _user[i] = e.User;
        _video[i] = e.Video;
        for (var j = 0; j < _features.Length; j++)
        {
            _features[j][i] = e.Features[j];
        }

        for (var h = 0; h < _heads; h++)
        {
            _labels[h][i] = ((e.Labels >> h) & 1) != 0;
        }

        _watch[i] = e.WatchSeconds;
        _length[i] = e.LengthSeconds;
        _propensity[i] = e.Propensity;
        if (++_count == RowGroupSize)
        {
            Flush();
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
        var f = _schema.DataFields;
        ParquetColumns.Write(group, f[0], _replication, n);
        ParquetColumns.Write(group, f[1], _day, n);
        ParquetColumns.Write(group, f[2], _second, n);
        ParquetColumns.Write(group, f[3], _user, n);
        ParquetColumns.Write(group, f[4], _video, n);
        for (var j = 0; j < _features.Length; j++)
        {
            ParquetColumns.Write(group, f[Fixed + j], _features[j], n);
        }

        for (var h = 0; h < _heads; h++)
        {
            ParquetColumns.Write(group, f[Fixed + _features.Length + h], _labels[h], n);
        }

        var tail = Fixed + _features.Length + _heads;
        ParquetColumns.Write(group, f[tail], _watch, n);
        ParquetColumns.Write(group, f[tail + 1], _length, n);
        ParquetColumns.Write(group, f[tail + 2], _propensity, n);
        Rows += n;
        _count = 0;
    }

    private sealed class Sink(TrainingExport export, int replication, int fromDay) : ITrainingSink
    {
        public void Write(in TrainingExample example) => export.Add(replication, fromDay, example);
    }
}
