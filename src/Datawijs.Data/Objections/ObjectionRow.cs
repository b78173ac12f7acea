using Datawijs.Domain.Objections;

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

    /// <summary>The stored objection as the domain reads it.</summary>
    public Objection ToObjection() => new(
        Id, SubjectPseudonym, AssignmentId, Kind, Message, Status, CreatedAt, ClientId,
        ReviewedAt is { } reviewedAt
            ? new ObjectionReview(Status, ReviewReasoning ?? "", reviewedAt, ReviewedByClientId ?? "", ReviewedByUserId, ReviewedByUserRepresentation)
            : null);

    /// <summary>A newly filed objection (see <see cref="Objection.File"/>) as it is stored for the tenant.</summary>
    public static ObjectionRow From(Guid tenantId, Objection objection)
    {
        ArgumentNullException.ThrowIfNull(objection);
        return new ObjectionRow
        {
            Id = objection.Id,
            TenantId = tenantId,
            SubjectPseudonym = objection.SubjectPseudonym,
            AssignmentId = objection.AssignmentId,
            Kind = objection.Kind,
            Message = objection.Message,
            Status = objection.Status,
            CreatedAt = objection.CreatedAt,
            ClientId = objection.ClientId,
        };
    }
}
