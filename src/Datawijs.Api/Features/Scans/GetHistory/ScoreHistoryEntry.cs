namespace Datawijs.Api.Features.Scans.GetHistory;

public sealed class ScoreHistoryEntry
{
    public Guid ScanId { get; init; }

    public string ModelId { get; init; } = "";

    public int ModelVersion { get; init; }

    public DateTimeOffset CompletedAt { get; init; }

    public int RespondentCount { get; init; }

    public double? Overall { get; init; }

    public int? OverallLevel { get; init; }

    public IReadOnlyList<HistoryCategoryScore> Categories { get; init; } = [];

    /// <summary>The previous completed scan of the same model; null for the first.</summary>
    public Guid? PreviousScanId { get; init; }

    public double? OverallDeltaSincePrevious { get; init; }

    /// <summary>The first completed scan of the same model; null for the first itself.</summary>
    public Guid? FirstScanId { get; init; }

    /// <summary>Progress to date: overall change since the first completed scan of the same model.</summary>
    public double? OverallDeltaSinceFirst { get; init; }
}
