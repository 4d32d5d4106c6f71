namespace Simulator.Reporting.Collection;

/// <summary>Stickiness and fatigue of one demographic segment in one replication.</summary>
public sealed record SegmentRow
{
    /// <summary>generation, gender, country, device or account.</summary>
    public required string Dimension { get; init; }

    public required string Segment { get; init; }

    public required int Users { get; init; }

    public required int EverActive { get; init; }

    /// <summary>Mean share of the segment active on a day.</summary>
    public required double DailyActiveShare { get; init; }

    public required double MinutesPerDau { get; init; }

    public required double SessionsPerDau { get; init; }

    public required double MinutesPerSession { get; init; }

    public required double RetentionD1 { get; init; }

    public required double RetentionD7 { get; init; }

    public required double CompletionRate { get; init; }

    public required double RepeatTopicShare { get; init; }

    public required double FatigueExitShare { get; init; }

    /// <summary>Mean topic entropy of the segment's sessions, bits.</summary>
    public double TopicEntropy { get; init; } = double.NaN;
}
