namespace Datawijs.Api.Features.Citizen.Explanation;

public sealed class CitizenObjection
{
    public Guid Id { get; init; }

    /// <summary>notMe or doNotWant.</summary>
    [Datawijs.Api.OpenApi.WireValues("notMe", "doNotWant")]
    public string Kind { get; init; } = "";

    /// <summary>open, upheld or rejected.</summary>
    [Datawijs.Api.OpenApi.WireValues("open", "upheld", "rejected")]
    public string Status { get; init; } = "";

    /// <summary>What the status means for the citizen, in words.</summary>
    public string Text { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>The reviewer's reasoning, as they wrote it; null while open.</summary>
    public string? Reasoning { get; init; }
}
