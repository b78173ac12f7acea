using Datawijs.Data.Scans;

namespace Datawijs.Api.Features.Scans.ListScores;

/// <summary>The stored score of one completed scan.</summary>
public sealed class ScoreEntry
{
    public Guid ScanId { get; init; }

    public Guid OrganisationId { get; init; }

    public string OrganisationName { get; init; } = "";

    public string ModelId { get; init; } = "";

    public int ModelVersion { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    public double? Overall { get; init; }

    public int? OverallLevel { get; init; }

    public IReadOnlyList<ScoreEntryCategory> Categories { get; init; } = [];

    public static ScoreEntry From(CompletedScanRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var score = ScanJson.ReadScore(row.Score);
        return new ScoreEntry
        {
            ScanId = row.Id,
            OrganisationId = row.OrganisationId,
            OrganisationName = row.OrganisationName,
            ModelId = row.ModelId,
            ModelVersion = row.ModelVersion,
            CompletedAt = row.CompletedAt,
            Overall = score.Overall,
            OverallLevel = score.OverallLevel,
            Categories = score.Categories.Select(c => new ScoreEntryCategory { CategoryId = c.CategoryId, Score = c.Score, Level = c.Level }).ToList(),
        };
    }
}
