using Datawijs.Domain.Assignments;

namespace Datawijs.Data.Assignments;

/// <summary>An assignment: advice for one (pseudonymised) subject, and the case worker's decision once made.</summary>
public sealed class AssignmentRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public string SubjectPseudonym { get; init; } = "";

    public Guid ProfileSetId { get; init; }

    public Guid ProfileId { get; init; }

    /// <summary>The subject's features as JSON {name: value}.</summary>
    public string Features { get; init; } = "{}";

    public bool Uncertain { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string ClientId { get; init; } = "";

    public string? UserId { get; init; }

    public string? UserRepresentation { get; init; }

    /// <summary>follows or deviates; null until a person decides.</summary>
    public string? DecisionOutcome { get; init; }

    public string? DecisionReasoning { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? DecidedByClientId { get; init; }

    public string? DecidedByUserId { get; init; }

    public string? DecidedByUserRepresentation { get; init; }

    /// <summary>Set when an upheld objection stopped the use of this advice.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>The stored assignment as the domain reads it.</summary>
    public Assignment ToAssignment() => new(
        Id, SubjectPseudonym,
        DecisionOutcome is null
            ? null
            : new AssignmentDecision(DecisionOutcome, DecisionReasoning ?? "", DecidedAt.GetValueOrDefault(), DecidedByClientId ?? "", DecidedByUserId, DecidedByUserRepresentation),
        WithdrawnAt);
}
