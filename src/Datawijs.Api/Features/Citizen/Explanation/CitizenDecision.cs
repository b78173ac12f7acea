namespace Datawijs.Api.Features.Citizen.Explanation;

public sealed class CitizenDecision
{
    /// <summary>follows or deviates.</summary>
    [Datawijs.Api.OpenApi.WireValues("follows", "deviates")]
    public string Outcome { get; init; } = "";

    /// <summary>The decision in words.</summary>
    public string Text { get; init; } = "";

    /// <summary>The case worker's own reasoning, as they wrote it.</summary>
    public string? Reasoning { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }
}
