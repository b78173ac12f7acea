namespace Datawijs.Data.ProfileSets;

public sealed class ProfileSetRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public Guid DatasetId { get; init; }

    public Guid ClusteringId { get; init; }

    public string Status { get; init; } = ProfileSetStatus.Draft;

    /// <summary>The exact profile description (JSON). Internal: every view of it goes through the disclosure gate.</summary>
    public string Description { get; init; } = "";

    /// <summary>How the set was made (JSON): dataset, features, method, k, seed, dates.</summary>
    public string Method { get; init; } = "";

    /// <summary>The public view exactly as published (JSON), kept unchanged afterwards.</summary>
    public string? PublishedView { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public DateTimeOffset? RetiredAt { get; init; }
}
