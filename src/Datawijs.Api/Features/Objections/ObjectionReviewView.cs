namespace Datawijs.Api.Features.Objections;

public sealed class ObjectionReviewView
{
    /// <summary>upheld or rejected.</summary>
    [Datawijs.Api.OpenApi.WireValues("upheld", "rejected")]
    public string Outcome { get; init; } = "";

    public string Reasoning { get; init; } = "";

    public DateTimeOffset ReviewedAt { get; init; }

    public string? UserId { get; init; }

    public string? UserRepresentation { get; init; }

    public string ClientId { get; init; } = "";
}
