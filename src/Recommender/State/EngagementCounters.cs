namespace Recommender.State;

/// <summary>
/// Time-decayed impression and value counters per video, platform-wide and per region.
/// "Value" is the value formula applied to observed outcomes (Σ V_k·1[k] + V_play·minutes).
/// Decay is applied in bulk at each refresh, so recording an impression is a few adds.
/// </summary>
internal sealed class EngagementCounters
{
    private float[] _impressions;
    private float[] _value;
    private float[] _logValue;
    private float[][] _regionValue;

    public EngagementCounters(int capacity)
    {
        _impressions = new float[capacity];
        _value = new float[capacity];
        _logValue = new float[capacity];
        _regionValue = [];
    }

    public ReadOnlySpan<float> Value => _value;

    /// <summary>
    /// log(1 + max(0, value)) per video, kept in step with <see cref="Value"/> (pre-ranking reads
    /// it for every candidate of every request; it changes once per impression and refresh).
    /// </summary>
    public ReadOnlySpan<float> LogValue => _logValue;

    public ReadOnlySpan<float> Impressions => _impressions;

    public ReadOnlySpan<float> RegionValue(int region) =>
        region < _regionValue.Length ? _regionValue[region] : ReadOnlySpan<float>.Empty;

    public void EnsureCapacity(int videos, int regions)
    {
        if (videos > _value.Length)
        {
            var n = Math.Max(videos, _value.Length * 2);
            Array.Resize(ref _impressions, n);
            Array.Resize(ref _value, n);
            Array.Resize(ref _logValue, n);
            for (var r = 0; r < _regionValue.Length; r++)
            {
                Array.Resize(ref _regionValue[r], n);
            }
        }

        if (regions > _regionValue.Length)
        {
            var old = _regionValue.Length;
            Array.Resize(ref _regionValue, regions);
            for (var r = old; r < regions; r++)
            {
                _regionValue[r] = new float[_value.Length];
            }
        }
    }

    public void Add(int video, int region, float value)
    {
        _impressions[video] += 1f;
        _value[video] += value;
        _logValue[video] = LogOf(_value[video]);
        _regionValue[region][video] += value;
    }

    private static float LogOf(float value) => MathF.Log(1f + Math.Max(0f, value));

    public void Decay(float factor, int count)
    {
        Scale(_impressions.AsSpan(0, count), factor);
        Scale(_value.AsSpan(0, count), factor);
        for (var v = 0; v < count; v++)
        {
            _logValue[v] = LogOf(_value[v]);
        }

        foreach (var r in _regionValue)
        {
            Scale(r.AsSpan(0, count), factor);
        }
    }

    public void Clear()
    {
        Array.Clear(_impressions);
        Array.Clear(_value);
        Array.Clear(_logValue);
        foreach (var r in _regionValue)
        {
            Array.Clear(r);
        }
    }

    private static void Scale(Span<float> xs, float factor)
    {
        System.Numerics.Tensors.TensorPrimitives.Multiply(xs, factor, xs);
    }
}
