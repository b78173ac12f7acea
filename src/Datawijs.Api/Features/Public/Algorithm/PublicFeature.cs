using System.Text.Json.Serialization;

namespace Datawijs.Api.Features.Public.Algorithm;

public sealed class PublicFeature
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("label")]
    public string Label { get; init; } = "";

    /// <summary>clustering (in the distance), descriptive, or protected (only to check fairness).</summary>
    [JsonPropertyName("role")]
    [Datawijs.Api.OpenApi.WireValues("clustering", "descriptive", "protected")]
    public string Role { get; init; } = "";

    /// <summary>Whether a counterfactual may suggest a change in it.</summary>
    [JsonPropertyName("mutable")]
    public bool Mutable { get; init; }
}
