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
