using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Recommender.Ranking;

/// <summary>
/// What the recommender core hands a ranker and what it expects back: the one source of truth for
/// the built-in heads, <c>export-training</c>, <c>export-ranker</c> and external (ONNX) rankers.
/// Rendered into <c>docs/feature-contract.md</c> and written beside exported training data.
/// </summary>
/// <remarks>
/// A ranker scores every candidate of one feed request in one call: input <see cref="InputName"/>,
/// float32 of shape [candidates, <see cref="Features"/>.Count], one row per candidate in the order
/// below; it returns one float32 per candidate for each of <see cref="Outputs"/> (shape
/// [candidates] or [candidates, 1]). The value formula then weighs the outputs with the
/// scenario's value weights. Bump <see cref="Version"/> whenever a name, order, unit or
/// normalisation changes.
/// </remarks>
public static class FeatureContract
{
    /// <summary>Version of the contract; a model trained on another version's features is not comparable.</summary>
    public const int Version = 1;

    /// <summary>Name of the model's single input tensor.</summary>
    public const string InputName = "features";

    /// <summary>The features, in row order (the order the built-in heads are trained on).</summary>
    public static IReadOnlyList<ContractFeature> Features { get; } =
    [
        F(Feature.UserTopicAffinity, "ratio", "The user's engagement with the video's topic over their engagement with everything, smoothed towards 1 (3 pseudo-impressions).", "(topic engagement + 3·m) / (topic impressions + 3) / m, m = (engagement + 0.3) / (impressions + 1); about 0–5"),
        F(Feature.EmbeddingScore, "dot product", "Dot product of the user's and the video's 16-dimensional embeddings (logistic matrix factorisation, SGD on every logged impression); for a video not yet admitted to the embedding table, the hashtag score.", "raw, about −1–1"),
        F(Feature.VideoLogImpressions, "log impressions", "How many times the video was served, all users.", "ln(1 + impressions)"),
        F(Feature.VideoFinishRate, "share", "The video's finish rate, smoothed.", "(finishes + 2) / (impressions + 5)"),
        F(Feature.VideoLikeRate, "share", "The video's like rate, smoothed.", "(likes + 0.2) / (impressions + 5)"),
        F(Feature.VideoShareRate, "share", "The video's share rate, smoothed.", "(shares + 0.03) / (impressions + 5)"),
        F(Feature.VideoNotInterestedRate, "share", "The video's \"not interested\" rate, smoothed.", "(not interested + 0.02) / (impressions + 5)"),
        F(Feature.VideoLogAgeHours, "log hours", "Time since upload.", "ln(1 + hours)"),
        F(Feature.VideoLogLength, "log seconds", "The video's duration.", "ln(seconds)"),
        F(Feature.FollowsCreator, "flag", "Whether the user follows the video's creator.", "0 or 1"),
        F(Feature.CreatorLogFollowers, "log followers", "The creator's follower count (a weak creator signal only).", "ln(1 + followers)"),
        F(Feature.UserLogImpressions, "log impressions", "How many videos the user was served.", "ln(1 + impressions)"),
        F(Feature.UserFinishRate, "share", "The user's finish rate, smoothed.", "(finishes + 0.4) / (impressions + 1)"),
        F(Feature.UserLikeRate, "share", "The user's like rate, smoothed.", "(likes + 0.04) / (impressions + 1)"),
        F(Feature.SessionPosition, "log position", "Position of the request in the user's session.", "ln(1 + position)"),
        F(Feature.LocalHour, "hour", "The user's local hour of the day.", "0–23"),
        F(Feature.SameCountry, "flag", "Whether the video was uploaded in the user's country.", "0 or 1"),
        F(Feature.Device, "code", "Device class: 0 iOS, 1 recent Android, 2 low-end Android.", "0, 1 or 2"),
        F(Feature.TeenAccount, "flag", "Whether the account is registered as under 18.", "0 or 1"),
        F(Feature.HashtagScore, "dot product", "Mean affinity of the user with the video's hashtags (learned with the embeddings); 0 without hashtags.", "raw, about −1–1"),
    ];

    /// <summary>The outputs a ranker returns per candidate, by name.</summary>
    public static IReadOnlyList<ContractOutput> Outputs { get; } =
    [
        H(Head.ValidView, "The user watches at least 5 seconds or half the video, whichever is shorter (not weighed by the value formula; evaluated offline)."),
        H(Head.Finish, "The user watches to the end."),
        H(Head.Like, "The user likes the video."),
        H(Head.Comment, "The user comments."),
        H(Head.Share, "The user shares the video."),
        H(Head.Follow, "The user follows the creator from this video."),
        H(Head.NotInterested, "The user marks the video \"not interested\" (its value weight is usually negative)."),
        new ContractOutput(WatchSecondsName, "seconds", "0 or more", "Expected watch seconds of this impression (the built-in head predicts the within-duration quantile, D2Q, and maps it to seconds)."),
    ];

    /// <summary>Name of the expected-watch-time output.</summary>
    public const string WatchSecondsName = "watch_seconds";

    /// <summary>Bit i set when feature i depends only on the user, account and request, never on the video.</summary>
    public static ulong RequestShared => Ranking.Features.RequestShared;

    /// <summary>The contract as indented JSON (written beside exported training data).</summary>
    public static string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("version", Version);
            w.WriteString("input", InputName);
            w.WriteString("input_type", "float32");
            w.WriteString("input_shape", $"[candidates, {Features.Count}]");
            w.WriteStartArray("features");
            foreach (var f in Features)
            {
                w.WriteStartObject();
                w.WriteNumber("index", f.Index);
                w.WriteString("name", f.Name);
                w.WriteString("type", "float32");
                w.WriteString("unit", f.Unit);
                w.WriteString("normalisation", f.Normalisation);
                w.WriteBoolean("request_shared", f.RequestShared);
                w.WriteString("description", f.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("outputs");
            foreach (var o in Outputs)
            {
                w.WriteStartObject();
                w.WriteString("name", o.Name);
                w.WriteString("type", "float32");
                w.WriteString("shape", "[candidates] or [candidates, 1]");
                w.WriteString("unit", o.Unit);
                w.WriteString("range", o.Range);
                w.WriteString("description", o.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The contract as a Markdown page (<c>docs/feature-contract.md</c>).</summary>
    public static string ToMarkdown()
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"# Ranker feature contract, version {Version}\n\n");
        s.Append("Generated from `src/Recommender/Ranking/FeatureContract.cs` by `simulator contract`; do not edit by hand.\n\n");
        s.Append("A ranker scores all candidates of one feed request in one call. Input `").Append(InputName)
            .Append(CultureInfo.InvariantCulture, $"`: float32, shape `[candidates, {Features.Count}]`, one row per candidate, features in this order. ")
            .Append("Features marked *shared* depend only on the user, account and request, so they are equal in every row of a call.\n\n");
        s.Append("| # | name | unit | normalisation | shared | meaning |\n|---|---|---|---|---|---|\n");
        foreach (var f in Features)
        {
            s.Append(CultureInfo.InvariantCulture, $"| {f.Index} | `{f.Name}` | {f.Unit} | {f.Normalisation} | {(f.RequestShared ? "shared" : "")} | {f.Description} |\n");
        }

        s.Append("\nOutputs, one float32 per candidate each (shape `[candidates]` or `[candidates, 1]`), matched by name; other outputs are ignored. ")
            .Append("The value formula Σ V_k·P_k + V_play·E[watch minutes] weighs them with the scenario's `recommender.weights`.\n\n");
        s.Append("| name | unit | range | meaning |\n|---|---|---|---|\n");
        foreach (var o in Outputs)
        {
            s.Append(CultureInfo.InvariantCulture, $"| `{o.Name}` | {o.Unit} | {o.Range} | {o.Description} |\n");
        }

        return s.ToString();
    }

    private static ContractFeature F(Feature f, string unit, string description, string normalisation) =>
        new((int)f, Ranking.Features.Names[(int)f], unit, normalisation, ((Ranking.Features.RequestShared >> (int)f) & 1) != 0, description);

    private static ContractOutput H(Head h, string description) => new(HeadName(h), "probability", "0–1", description);

    internal static string HeadName(Head h) => h switch
    {
        Head.ValidView => "valid_view",
        Head.NotInterested => "not_interested",
        _ => h.ToString().ToLowerInvariant(),
    };
}

/// <summary>One feature of the contract.</summary>
/// <param name="Index">Column in a feature row.</param>
/// <param name="Name">Snake-case name.</param>
/// <param name="Unit">Unit after normalisation.</param>
/// <param name="Normalisation">How the raw quantity is turned into the value.</param>
/// <param name="RequestShared">Whether it is the same for every candidate of a request.</param>
/// <param name="Description">What it measures.</param>
public sealed record ContractFeature(int Index, string Name, string Unit, string Normalisation, bool RequestShared, string Description);

/// <summary>One output a ranker returns per candidate.</summary>
/// <param name="Name">Output name in the model.</param>
/// <param name="Unit">Probability or seconds.</param>
/// <param name="Range">Allowed values.</param>
/// <param name="Description">What it predicts.</param>
public sealed record ContractOutput(string Name, string Unit, string Range, string Description);
