namespace Datawijs.Data.Objections;

/// <summary>A citizen's objection: "this is not me" (notMe) or "I don't want this" (doNotWant).</summary>
public sealed class ObjectionRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public string SubjectPseudonym { get; init; } = "";

    /// <summary>The assignment in use when the objection was made; null when there was none.</summary>
    public Guid? AssignmentId { get; init; }

    public string Kind { get; init; } = "";

    public string? Message { get; init; }

    /// <summary>open, upheld or rejected.</summary>
    public string Status { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public string ClientId { get; init; } = "";

    public DateTimeOffset? ReviewedAt { get; init; }

    public string? ReviewReasoning { get; init; }

    public string? ReviewedByClientId { get; init; }

    public string? ReviewedByUserId { get; init; }

    public string? ReviewedByUserRepresentation { get; init; }
}

/// <summary>A case worker's review of an open objection.</summary>
public sealed record ObjectionReview(
    string Outcome,
    string Reasoning,
    DateTimeOffset ReviewedAt,
    string ClientId,
    string? UserId,
    string? UserRepresentation);
