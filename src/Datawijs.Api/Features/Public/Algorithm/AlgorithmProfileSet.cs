using System.Text.Json.Serialization;

namespace Datawijs.Api.Features.Public.Algorithm;

public sealed class AlgorithmProfileSet
{
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    [JsonPropertyName("method")]
    public string Method { get; init; } = "";

    /// <summary>
    /// The method for specialists, in the response's language: algorithm, k, seed, publication date, how advice is computed
    /// and the disclosure rules in figures. <c>methods_and_models</c> says the same in plain words.
    /// </summary>
    [JsonPropertyName("method_details")]
    public string MethodDetails { get; init; } = "";

    [JsonPropertyName("k")]
    public int K { get; init; }

    /// <summary>Households the profiles were made from, rounded as every published count is (to 5, never below 10).</summary>
    [JsonPropertyName("households")]
    public int Households { get; init; }

    [JsonPropertyName("published_at")]
    public DateTimeOffset PublishedAt { get; init; }

    [JsonPropertyName("features")]
    public IReadOnlyList<PublicFeature> Features { get; init; } = [];

    [JsonPropertyName("minimum_count")]
    public int MinimumCount { get; init; }

    [JsonPropertyName("rounding_base")]
    public int RoundingBase { get; init; }

    /// <summary>The inequality check of the set in use and its outcome, in plain words in the response's language.</summary>
    [JsonPropertyName("fairness_check")]
    public AlgorithmFairnessCheck? FairnessCheck { get; init; }
}
