namespace Datawijs.Api.Features.Scans.GetHistory;

public sealed class HistoryCategoryScore
{
    public string CategoryId { get; init; } = "";

    public double? Score { get; init; }

    public int? Level { get; init; }
}
