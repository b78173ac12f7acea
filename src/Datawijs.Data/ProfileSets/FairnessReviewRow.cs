namespace Datawijs.Data.ProfileSets;

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
