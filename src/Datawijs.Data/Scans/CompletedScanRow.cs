namespace Datawijs.Data.Scans;

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
