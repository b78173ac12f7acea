namespace Datawijs.Api.Features.Scans.ListScores;

public sealed class ScoreEntryCategory
{
    public string CategoryId { get; init; } = "";

    public double? Score { get; init; }

    public int? Level { get; init; }
}
