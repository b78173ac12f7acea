namespace Datawijs.Data.Datasets;

public sealed class DatasetRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public string Name { get; init; } = "";

    public string Purpose { get; init; } = "";

    /// <summary>The declared features as JSON (written and read by the API).</summary>
    public string Features { get; init; } = "[]";

    /// <summary>Midnight (UTC) at the start of the last day the records may be kept.</summary>
    public DateTimeOffset RetentionUntil { get; init; }

    public long RecordCount { get; init; }

    /// <summary>The data-quality report as JSON, already under the disclosure rules; null before the first upload.</summary>
    public string? Quality { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>bsn or other: how the subject ids of uploads are put in canonical form.</summary>
    public string SubjectIdKind { get; init; } = "bsn";

    /// <summary>The reference population (all households of the municipality) as JSON; null until one is given.</summary>
    public string? ReferencePopulation { get; init; }
}
