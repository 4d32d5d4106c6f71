using Parquet;

namespace CandidateTrainer;

/// <summary>Rows of an export: features in contract order, a label per probability output, watch seconds.</summary>
internal sealed class TrainingData
{
    public required float[][] Features { get; init; }

    public required bool[][] Labels { get; init; }

    public required float[] Watch { get; init; }

    public int Count => Watch.Length;

    /// <summary>Reads every row group and keeps an evenly spaced sample of at most <paramref name="limit"/> rows (deterministic).</summary>
    public static async Task<TrainingData> Read(string path, string[] features, string[] outputs, int limit)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name);
        var heads = outputs.Where(o => fields.ContainsKey("label_" + o)).ToArray();
        var total = 0L;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            total += group.RowCount;
        }

        var step = Math.Max(1.0, total / (double)limit);
        var keep = (int)Math.Min(limit, total);
        var x = new float[keep][];
        var y = heads.Select(_ => new bool[keep]).ToArray();
        var watch = new float[keep];
        long offset = 0;
        var next = 0;
        for (var g = 0; g < reader.RowGroupCount && next < keep; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var columns = new float[features.Length][];
            for (var j = 0; j < features.Length; j++)
            {
                columns[j] = new float[n];
                await group.ReadAsync<float>(fields[features[j]], columns[j].AsMemory());
            }

            var labels = new bool[heads.Length][];
            for (var h = 0; h < heads.Length; h++)
            {
                labels[h] = new bool[n];
                await group.ReadAsync<bool>(fields["label_" + heads[h]], labels[h].AsMemory());
            }

            var seconds = new float[n];
            await group.ReadAsync<float>(fields["watch_seconds"], seconds.AsMemory());
            while (next < keep && (long)(next * step) < offset + n)
            {
                var i = (int)((long)(next * step) - offset);
                x[next] = [.. columns.Select(c => c[i])];
                for (var h = 0; h < heads.Length; h++)
                {
                    y[h][next] = labels[h][i];
                }

                watch[next] = seconds[i];
                next++;
            }

            offset += n;
        }

        return new TrainingData { Features = x[..next], Labels = [.. y.Select(l => l[..next])], Watch = watch[..next] };
    }
}
