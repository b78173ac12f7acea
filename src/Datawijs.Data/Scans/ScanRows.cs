namespace Datawijs.Data.Scans;

/// <summary>A maturity scan. <see cref="Score"/> is the ScanScore as JSON, set once at completion.</summary>
public sealed class ScanRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public Guid OrganisationId { get; init; }

    public string ModelId { get; init; } = "";

    public int ModelVersion { get; init; }

    /// <summary>Target level per category id, as JSON.</summary>
    public string Targets { get; init; } = "{}";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? Score { get; init; }
}

/// <summary>One respondent's answers to a scan, as JSON: question id -> 1..5, or null for not applicable.</summary>
public sealed class ScanResponseRow
{
    public Guid TenantId { get; init; }

    public Guid ScanId { get; init; }

    public string RespondentId { get; init; } = "";

    public string? Role { get; init; }

    public string Answers { get; init; } = "{}";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A completed scan with the organisation attributes that reports and peer groups need.</summary>
public sealed class CompletedScanRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public Guid OrganisationId { get; init; }

    public string OrganisationName { get; init; } = "";

    public string OrganisationKind { get; init; } = "";

    public int? OrganisationInhabitants { get; init; }

    public string ModelId { get; init; } = "";

    public int ModelVersion { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    public string Score { get; init; } = "";
}

/// <summary>What became of a completion attempt.</summary>
public enum CompletionOutcome
{
    Completed,
    NotFound,
    AlreadyCompleted,
    NoRespondents,
}
