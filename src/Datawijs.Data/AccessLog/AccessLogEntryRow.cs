namespace Datawijs.Data.AccessLog;

/// <summary>One read or write of a subject's data. Carries the pseudonym, never the raw identifier.</summary>
public sealed class AccessLogEntryRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public string SubjectPseudonym { get; init; } = "";

    public DateTimeOffset OccurredAt { get; init; }

    public string ClientId { get; init; } = "";

    public string? UserId { get; init; }

    public string? UserRepresentation { get; init; }

    /// <summary>The processing activity (verwerkingsactiviteit), e.g. profile-advice.</summary>
    public string Activity { get; init; } = "";

    /// <summary>Why: the X-Audit-Toelichting header, else the endpoint's default purpose.</summary>
    public string Reason { get; init; } = "";

    /// <summary>What was done, e.g. assignment.create.</summary>
    public string Action { get; init; } = "";

    /// <summary>The assignment or objection the action concerned, if any.</summary>
    public Guid? ResourceId { get; init; }

    /// <summary>The entry's place in its tenant's chain (1, 2, ...); null for entries from before the chain.</summary>
    public long? ChainPosition { get; init; }

    /// <summary>The hash of the tenant's entry before it (the genesis for position 1); lowercase hex SHA-256.</summary>
    public string? PreviousHash { get; init; }

    /// <summary>SHA-256 of this entry's canonical form (<see cref="AccessLogChain.CanonicalForm"/>).</summary>
    public string? EntryHash { get; init; }
}
