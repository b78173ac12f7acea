using System.Text.Json.Serialization;

namespace Datawijs.Api.Features.Public.Algorithm;

/// <summary>
/// The algorithm's description in the field names of the national Algoritmeregister publication
/// standard, so a municipality can publish it there unchanged. Texts are Dutch B1 (lang NLD) unless
/// Accept-Language: en (lang ENG). <c>profile_set</c> is Datawijs' own, machine-readable addition.
/// </summary>
public sealed class Response
{
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("organization")]
    public string Organization { get; init; } = "";

    [JsonPropertyName("description_short")]
    public string DescriptionShort { get; init; } = "";

    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    [JsonPropertyName("category")]
    public IReadOnlyList<string> Category { get; init; } = [];

    /// <summary>In gebruik (a profile set is published) or In ontwikkeling; in English In use or In development.</summary>
    [JsonPropertyName("status")]
    [Datawijs.Api.OpenApi.WireValues("In gebruik", "In ontwikkeling", "In use", "In development")]
    public string Status { get; init; } = "";

    [JsonPropertyName("website")]
    public string? Website { get; init; }

    [JsonPropertyName("goal")]
    public string Goal { get; init; } = "";

    [JsonPropertyName("impact")]
    public string Impact { get; init; } = "";

    [JsonPropertyName("proportionality")]
    public string Proportionality { get; init; } = "";

    [JsonPropertyName("decision_making_process")]
    public string DecisionMakingProcess { get; init; } = "";

    [JsonPropertyName("human_intervention")]
    public string HumanIntervention { get; init; } = "";

    [JsonPropertyName("risks")]
    public string Risks { get; init; } = "";

    [JsonPropertyName("lawful_basis")]
    public string LawfulBasis { get; init; } = "";

    [JsonPropertyName("competent_authority")]
    public string CompetentAuthority { get; init; } = "";

    [JsonPropertyName("source_data")]
    public string SourceData { get; init; } = "";

    [JsonPropertyName("methods_and_models")]
    public string MethodsAndModels { get; init; } = "";

    [JsonPropertyName("provider")]
    public string Provider { get; init; } = "";

    /// <summary>When the profile set in use was published (YYYY-MM-DD); null when none is.</summary>
    [JsonPropertyName("begin_date")]
    public string? BeginDate { get; init; }

    [JsonPropertyName("contact_email")]
    public string? ContactEmail { get; init; }

    [JsonPropertyName("area")]
    public string Area { get; init; } = "";

    /// <summary>NLD or ENG.</summary>
    [JsonPropertyName("lang")]
    public string Lang { get; init; } = "NLD";

    /// <summary>Datawijs' addition: the published profile set in use; null when none is.</summary>
    [JsonPropertyName("profile_set")]
    public AlgorithmProfileSet? ProfileSet { get; init; }
}

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
