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
    private float[][] _regionValue;

    public EngagementCounters(int capacity)
    {
        _impressions = new float[capacity];
        _value = new float[capacity];
        _regionValue = [];
    }

    public ReadOnlySpan<float> Value => _value;

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
        _regionValue[region][video] += value;
    }

    public void Decay(float factor, int count)
    {
        Scale(_impressions.AsSpan(0, count), factor);
        Scale(_value.AsSpan(0, count), factor);
        foreach (var r in _regionValue)
        {
            Scale(r.AsSpan(0, count), factor);
        }
    }

    public void Clear()
    {
        Array.Clear(_impressions);
        Array.Clear(_value);
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
