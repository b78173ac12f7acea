using System.Text.Json.Serialization;

namespace Datawijs.Api.Features.Public.Algorithm;

public sealed class AlgorithmFairnessCheck
{
    /// <summary>notChecked (published before the check existed), noProtectedFeatures, noOverRepresentation or overRepresentationReviewed.</summary>
    [JsonPropertyName("outcome")]
    [Datawijs.Api.OpenApi.WireValues("notChecked", "noProtectedFeatures", "noOverRepresentation", "overRepresentationReviewed")]
    public string Outcome { get; init; } = "";

    /// <summary>Whether an over-representation of a protected group was found (never which profile or group), and a person's review with its date and reasoning when there was one.</summary>
    [JsonPropertyName("text")]
    public string Text { get; init; } = "";

    [JsonPropertyName("maximum_ratio")]
    public double? MaximumRatio { get; init; }

    [JsonPropertyName("alpha")]
    public double? Alpha { get; init; }

    /// <summary>When a person reviewed an over-representation (YYYY-MM-DD); null when none was needed.</summary>
    [JsonPropertyName("reviewed_on")]
    public string? ReviewedOn { get; init; }
}
