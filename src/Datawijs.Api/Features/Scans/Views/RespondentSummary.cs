using Datawijs.Data.Scans;

namespace Datawijs.Api.Features.Scans.Views;

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
