using Datawijs.Api.OpenApi;
using Datawijs.Data.Scans;

namespace Datawijs.Api.Features.Scans.SaveResponse;

/// <summary>One respondent's stored answers.</summary>
[SchemaName("RespondentAnswerSheet")]
public sealed class Response
{
    public Guid ScanId { get; init; }

    public string RespondentId { get; init; } = "";

    public string? Role { get; init; }

    public IReadOnlyList<StoredAnswer> Answers { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public static Response From(ScanResponseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Response
        {
            ScanId = row.ScanId,
            RespondentId = row.RespondentId,
            Role = row.Role,
            Answers = ScanJson.ReadAnswers(row.Answers)
                .Select(a => new StoredAnswer { QuestionId = a.Key, Value = a.Value, NotApplicable = a.Value is null })
                .ToList(),
            UpdatedAt = row.UpdatedAt,
        };
    }
}
