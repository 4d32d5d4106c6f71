namespace Simulator.Reporting.Validation;

/// <summary>
/// A published outcome of a field experiment or platform change, and the scenario that mimics it.
/// Validation only: no outcome here is ever a fit target (CALIBRATION.md §4b).
/// </summary>
public sealed record PublishedOutcome
{
    /// <summary>Short id, e.g. <c>chronological-feed</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What was changed, for whom, for how long.</summary>
    public required string Experiment { get; init; }

    /// <summary>What was found, as published.</summary>
    public required string Finding { get; init; }

    /// <summary>Citation.</summary>
    public required string Source { get; init; }

    /// <summary>A = peer-reviewed, official or primary; B = named firm or company statement; C = blog (CALIBRATION.md grading).</summary>
    public required char Grade { get; init; }

    /// <summary>Scenario file under <c>scenarios/validation/</c> whose baseline is the control and whose variant is the treatment; empty when nothing in the simulator can mimic it.</summary>
    public required string Scenario { get; init; }

    /// <summary>The treatment variant's name in that file.</summary>
    public string Variant { get; init; } = "treatment";

    /// <summary>Headline metric compared.</summary>
    public required string Metric { get; init; }

    /// <summary>Published direction of the treatment's effect: +1 up, −1 down, 0 no effect beyond <see cref="NullBandPct"/>.</summary>
    public required int Direction { get; init; }

    /// <summary>Published size as a relative change in percent, where one is published.</summary>
    public double? SizePct { get; init; }

    /// <summary>For a published "no effect or fractions of a percent": the band (± %) inside which the simulated effect agrees.</summary>
    public double NullBandPct { get; init; } = 1.0;

    /// <summary>How the scenario maps the experiment, and what it cannot mimic.</summary>
    public required string Mimic { get; init; }
}
