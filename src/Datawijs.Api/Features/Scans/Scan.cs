using Datawijs.Data.Scans;
using Datawijs.Domain.Maturity;

namespace Datawijs.Api.Features.Scans;

/// <summary>A maturity scan of one organisation; it pins one model id and version.</summary>
public sealed class Scan
{
    public Guid Id { get; init; }

    public Guid OrganisationId { get; init; }

    public string ModelId { get; init; } = "";

    public int ModelVersion { get; init; }

    /// <summary>open (answers can change) or completed (frozen, score stored).</summary>
    [Datawijs.Api.OpenApi.WireValues("open", "completed")]
    public string Status { get; init; } = "";

    /// <summary>Target level (1–5) per category id.</summary>
    public IReadOnlyDictionary<string, int> Targets { get; init; } = new Dictionary<string, int>();

    /// <summary>The respondents who answered, by id.</summary>
    public IReadOnlyList<RespondentSummary> Respondents { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public static Scan From(ScanRow row, IReadOnlyList<ScanResponseRow> responses)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(responses);
        return new Scan
        {
            Id = row.Id,
            OrganisationId = row.OrganisationId,
            ModelId = row.ModelId,
            ModelVersion = row.ModelVersion,
            Status = row.CompletedAt is null ? ScanStatus.Open : ScanStatus.Completed,
            Targets = ScanJson.ReadTargets(row.Targets),
            Respondents = responses.Select(RespondentSummary.From).ToList(),
            CreatedAt = row.CreatedAt,
            CompletedAt = row.CompletedAt,
        };
    }
}

public static class ScanStatus
{
    public const string Open = "open";
    public const string Completed = "completed";
}

/// <summary>One respondent of a scan, without the answers.</summary>
public sealed class RespondentSummary
{
    public string RespondentId { get; init; } = "";

    public string? Role { get; init; }

    /// <summary>Questions answered 1–5.</summary>
    public int AnsweredCount { get; init; }

    /// <summary>Questions marked not applicable.</summary>
    public int NotApplicableCount { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static RespondentSummary From(ScanResponseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var answers = ScanJson.ReadAnswers(row.Answers);
        return new RespondentSummary
        {
            RespondentId = row.RespondentId,
            Role = row.Role,
            AnsweredCount = answers.Values.Count(v => v is not null),
            NotApplicableCount = answers.Values.Count(v => v is null),
            UpdatedAt = row.UpdatedAt,
        };
    }
}

public sealed class ScanList
{
    public IReadOnlyList<Scan> Items { get; init; } = [];

    /// <summary>Pass as <c>cursor</c> to get the next page; null on the last page.</summary>
    public string? Next { get; init; }
}

/// <summary>The maturity model a stored scan pinned, and reading its stored score.</summary>
public static class StoredScans
{
    public static MaturityModel ModelOf(string modelId) =>
        DefaultMaturityModels.Find(modelId) ?? throw new InvalidOperationException($"Scan pins model '{modelId}', which this installation does not ship.");

    public static RespondentAnswers ToDomain(ScanResponseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RespondentAnswers(row.RespondentId, ScanJson.ReadAnswers(row.Answers));
    }
}
