using System.Text.Json.Serialization;

namespace Datawijs.Api.Http;

/// <summary>RFC 9457 problem details, with NL GOV's invalidParams for validation errors.</summary>
public sealed class Problem
{
    public string Type { get; init; } = "about:blank";

    public string Title { get; init; } = "";

    public int Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    /// <summary>A stable, machine-readable code for the kind of problem.</summary>
    public string? Code { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<InvalidParam>? InvalidParams { get; init; }

    /// <summary>On 406 and 415: the media types the operation gives (406) or takes (415).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AcceptedMediaTypes { get; init; }
}
