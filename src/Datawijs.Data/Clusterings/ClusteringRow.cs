namespace Datawijs.Data.Clusterings;

public sealed class ClusteringRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public Guid DatasetId { get; init; }

    public string Status { get; init; } = ClusteringStatus.Queued;

    /// <summary>The requested options as JSON.</summary>
    public string Options { get; init; } = "{}";

    /// <summary>0..1.</summary>
    public double Progress { get; init; }

    public string? Phase { get; init; }

    public bool CancelRequested { get; init; }

    /// <summary>Chosen k, quality per k, notes, sizes (JSON); set on success.</summary>
    public string? Outcome { get; init; }

    /// <summary>The fitted model (JSON) for assignments later.</summary>
    public string? Model { get; init; }

    /// <summary>The exact profile description (JSON). Internal: only published through the disclosure gate.</summary>
    public string? Description { get; init; }

    public string? Error { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The instance that holds (or last held) the job's lease.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>New on every claim: only the holder of this token may renew the lease or store the result.</summary>
    public Guid? LeaseToken { get; init; }

    /// <summary>Until when the lease holds unless renewed; after it, another instance may take the job over.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>How many times the job was claimed.</summary>
    public int Attempts { get; init; }
}
