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
