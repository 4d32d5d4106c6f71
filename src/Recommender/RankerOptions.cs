using System.ComponentModel;

namespace Recommender;

/// <summary>Which model ranks the candidates of the ranked feed.</summary>
[ImmutableObject(true)]
public sealed record RankerOptions
{
    /// <summary>Path of an external ONNX ranking model; null for the built-in heads.</summary>
    [Description("Path of an ONNX ranking model, relative to the scenario file, that scores every candidate of a request in one call under the feature contract (docs/feature-contract.md: input `features` float32 [candidates, 20]; outputs valid_view, finish, like, comment, share, follow, not_interested, watch_seconds). It replaces the built-in FastTree heads from the first request on; they are then not trained, and offline evaluation scores this model. Checked before the run (inputs, outputs, a probe batch). Write one with `simulator export-ranker` or train one on `simulator export-training` data. Unset: the built-in heads.")]
    public string? Onnx { get; init; }
}
