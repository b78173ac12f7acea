namespace Datawijs.Data.ProfileSets;

/// <summary>One publication of a dataset's profiles: what it showed, with the exact counts behind it (JSON, internal).</summary>
public sealed class ProfilePublicationRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public Guid DatasetId { get; init; }

    public Guid ProfileSetId { get; init; }

    /// <summary>The number of profiles.</summary>
    public int K { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>The publication record (JSON): exact counts and which of them were shown. Never leaves the API.</summary>
    public string Record { get; init; } = "";
}

/// <summary>A person's review of the inequality check's findings for a profile set.</summary>
public sealed class FairnessReviewRow
{
    public Guid Id { get; init; }

    public Guid TenantId { get; init; }

    public Guid ProfileSetId { get; init; }

    /// <summary>The findings the person reviewed (JSON).</summary>
    public string Findings { get; init; } = "";

    public string Reasoning { get; init; } = "";

    public DateTimeOffset ReviewedAt { get; init; }

    public string ClientId { get; init; } = "";

    public string UserId { get; init; } = "";

    public string? UserRepresentation { get; init; }
}

/// <summary>How a publication with history ended.</summary>
public enum PublishOutcome
{
    Published,

    /// <summary>The set is no longer a draft.</summary>
    NotDraft,

    /// <summary>Another set of the same dataset was published since the history was read: check again.</summary>
    HistoryChanged,
}
