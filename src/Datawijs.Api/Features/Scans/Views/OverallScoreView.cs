namespace Datawijs.Api.Features.Scans.Views;

public sealed class OverallScoreView
{
    /// <summary>Weighted mean of the category scores; null when nothing was answered.</summary>
    public double? Score { get; init; }

    public int? Level { get; init; }

    public string? LevelName { get; init; }
}
