namespace Datawijs.Data.Scans;

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
