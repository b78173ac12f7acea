namespace Datawijs.Api.Features.Scans.Views;

public sealed class ScoreProgressView
{
    public Guid BaselineScanId { get; init; }

    public DateTimeOffset BaselineCompletedAt { get; init; }

    public double? OverallDelta { get; init; }

    public IReadOnlyList<CategoryProgressView> Categories { get; init; } = [];
}
