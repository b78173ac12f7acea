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
