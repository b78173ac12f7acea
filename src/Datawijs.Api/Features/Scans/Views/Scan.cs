using Datawijs.Data.Scans;

namespace Datawijs.Api.Features.Scans.Views;

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
